// Draws the two Teams app icons as PNG files: a speech bubble with lines of report text.
// color.png (192x192): white symbol on the accent colour; outline.png (32x32): white on transparent,
// as Teams requires. The PNGs are committed; run `npx tsx bot/tools/drawIcons.ts` after a design change.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';

type Shape = (x: number, y: number) => boolean;
type Rgb = [number, number, number];

export const ACCENT: Rgb = [0x1f, 0x4e, 0x8c]; // manifest accentColor #1F4E8C
const WHITE: Rgb = [255, 255, 255];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** Paints layers in order; each pixel's coverage is sampled on an 8x8 grid for smooth edges. */
function render(size: number, background: Rgb | null, layers: Array<[Shape, Rgb]>): RgbaImage {
  const grid = 8;
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b] = background ?? WHITE;
      let alpha = background ? 1 : 0;
      for (const [shape, color] of layers) {
        let hits = 0;
        for (let sy = 0; sy < grid; sy++) {
          for (let sx = 0; sx < grid; sx++) if (shape(px + (sx + 0.5) / grid, py + (sy + 0.5) / grid)) hits++;
        }
        const cover = hits / (grid * grid);
        if (cover === 0) continue;
        // "over" compositing, kept unpremultiplied
        const outAlpha = cover + alpha * (1 - cover);
        const mix = (c: number, base: number) => (c * cover + base * alpha * (1 - cover)) / outAlpha;
        [r, g, b] = [mix(color[0], r), mix(color[1], g), mix(color[2], b)];
        alpha = outAlpha;
      }
      data.set([Math.round(r), Math.round(g), Math.round(b), Math.round(alpha * 255)], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, data };
}

export function drawColorIcon(): RgbaImage {
  // The symbol stays within the central area Teams recommends, on a full-bleed accent background.
  const bubble = union(roundedRect(44, 50, 148, 124, 16), triangle(62, 120, 90, 120, 56, 148));
  const textLines = union(roundedRect(62, 68, 130, 76, 4), roundedRect(62, 83, 130, 91, 4), roundedRect(62, 98, 110, 106, 4));
  return render(192, ACCENT, [[bubble, WHITE], [textLines, ACCENT]]);
}

export function drawOutlineIcon(): RgbaImage {
  const body = roundedRect(3, 5, 29, 23, 4);
  const hollowBody = minus(body, roundedRect(5, 7, 27, 21, 2.5));
  const tail = triangle(7, 22, 13, 22, 6, 29);
  const textLines = union(roundedRect(9, 10, 23, 12, 1), roundedRect(9, 15, 20, 17, 1));
  return render(32, null, [[union(hollowBody, tail, textLines), WHITE]]);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', '..', 'teamsAppManifest');
  writeFileSync(path.join(dir, 'color.png'), encodePng(drawColorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(drawOutlineIcon()));
  console.log(`icons written to ${dir}`);
}
