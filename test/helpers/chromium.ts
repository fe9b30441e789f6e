// Headless Chromium for the browser tests, from the npm package @sparticuz/chromium (a devDependency): it ships
// chrome-headless-shell brotli-packed inside the package, with the NSS and expat libraries it links against, so
// `npm install` is all a fresh machine needs: no system browser, no root, nothing downloaded when the tests run.
// The first launch unpacks it into node_modules/.cache/lovp-chromium/<version>/ (a few seconds), later ones reuse it.
// The package's own executablePath() is not used: it unpacks into a shared /tmp/chromium whatever its version and
// leaves out the libraries outside AWS Lambda.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const PROJECT_DIR = path.join(__dirname, '..', '..');
const PACKAGE_DIR = path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', '..');
const ARGS = ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function unpackTar(brotliFile: string, into: string): void {
  const tar = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(brotliFile)) });
  if (tar.status !== 0) throw new Error(`could not unpack ${brotliFile}: ${tar.stderr}`);
}

/** The unpacked browser folder: chromium, lib/ (for LD_LIBRARY_PATH), fonts/ and fonts.conf. */
async function unpackedBrowser(): Promise<string> {
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(PROJECT_DIR, 'node_modules', '.cache', 'lovp-chromium', version);
  if (existsSync(path.join(dir, 'chromium'))) return dir;
  mkdirSync(path.dirname(dir), { recursive: true });
  // Unpacked beside the final folder and renamed into place, so a run that is stopped halfway, or two runs at
  // once, never leave a half-written browser where the tests look for one.
  const work = mkdtempSync(`${dir}.partial-`);
  try {
    const bin = path.join(PACKAGE_DIR, 'bin');
    await pipeline(createReadStream(path.join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }));
    unpackTar(path.join(bin, 'al2023.tar.br'), work); // lib/: libnss3, libnspr4, libexpat (a minimal Debian has no NSS)
    unpackTar(path.join(bin, 'fonts.tar.br'), work); // fonts/: Open Sans, for machines without any font
    // The package's fonts.conf points at Lambda's folders; use the system's fonts and the bundled ones.
    writeFileSync(path.join(work, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n`
      + `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${path.join(dir, 'fonts')}</dir>\n`
      + `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`);
    renameSync(work, dir);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    if (existsSync(path.join(dir, 'chromium'))) return dir; // another run finished first
    throw err;
  }
  return dir;
}

export async function launchChromium(): Promise<Browser> {
  const dir = await unpackedBrowser();
  return chromium.launch({
    executablePath: path.join(dir, 'chromium'),
    args: ARGS,
    env: { ...process.env, LD_LIBRARY_PATH: path.join(dir, 'lib'), FONTCONFIG_PATH: dir },
  });
}
