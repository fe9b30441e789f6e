// A synthetic corpus of N meetings made from the five seed reports, for benchmarks at scale. The seeds are
// copied unchanged; every further meeting gets its own date (every 2 to 3 weeks back from December 2020),
// a shuffled pick of sections from all seeds, names and numbers varied, and is written as a raw .txt report
// in one of the seeds' layouts (PDF text with blank lines, inline "Heading: text", markdown, plain wrapped
// lines), so the real parser reads it exactly as it reads a real report.
// Usage: npx tsx bench/syntheticCorpus.ts --n 1000 [--out DIR]
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Section } from '../bot/corpus/meeting';
import { formatDate } from '../bot/corpus/dates';
import { parseReport } from '../bot/corpus/parseReport';
import { SEED_DIR } from './paths';


type Layout = 'pdfGaps' | 'inline' | 'markdown' | 'pdfPlain';
const LAYOUTS: Layout[] = ['pdfGaps', 'inline', 'markdown', 'pdfPlain'];

/** Names in the seeds, replaced by other Dutch surnames so copies differ. */
const SEED_NAMES = ['Van der Burg', 'Van Zanen', 'Aboutaleb', 'Krikke', 'Wienen', 'Harbers', 'Wiersum'];
const OTHER_NAMES = ['De Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits', 'De Graaf', 'Van der Meer', 'Kok',
  'Jacobs', 'De Haan', 'Vermeulen', 'Van den Berg', 'Van Dijk', 'Schouten', 'Van Wijk', 'Postma'];
const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';

/** Small deterministic PRNG (mulberry32), so the same N always gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PooledSection extends Section {
  year: number;
}

export interface SyntheticCorpus {
  dir: string;
  files: number;
  /** Every section of the seeds, the pool synthetic meetings draw from. */
  pool: PooledSection[];
  /** Synthetic reports whose parsed sections differ from what was written (0 expected). */
  mismatches: string[];
  remove(): Promise<void>;
}

async function seedPool(): Promise<{ names: string[]; pool: PooledSection[]; dates: string[] }> {
  const names = (await readdir(SEED_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const pool: PooledSection[] = [];
  const dates: string[] = [];
  for (const name of names) {
    const meeting = parseReport(await readFile(path.join(SEED_DIR, name), 'utf8'), name);
    dates.push(meeting.date);
    for (const s of meeting.sections) pool.push({ heading: s.heading, text: s.text, year: +meeting.date.slice(0, 4) });
  }
  return { names, pool, dates };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A section the layout can carry: a standalone heading line must look like one and be followed by a sentence,
 *  an inline heading has no colon. */
function fits(layout: Layout, { heading, text }: Section): boolean {
  if (layout === 'markdown') return true;
  // A one-line inline section as wide as the page runs on into the next one, in the parser as in real reports.
  if (layout === 'inline') return !heading.includes(':') && heading.split(/\s+/).length <= 15 && !/[.!?]\s/.test(heading) && text.length > 100;
  return heading.length <= 60 && heading.split(/\s+/).length <= 10 && !/[.,;:!?…]$/.test(heading) && /^[\p{Lu}\d]/u.test(heading)
    && /^\p{Lu}/u.test(text);
}

function render(layout: Layout, date: string, sections: Section[]): string {
  const day = formatDate(date);
  const paragraphs = (s: Section) => s.text.split(/\n\s*\n/);
  switch (layout) {
    case 'markdown':
      return [`## **Bestuurlijke terugkoppeling LOVP ${day}**`, '',
        ...sections.flatMap((s) => [`### **${s.heading}**`, '', ...paragraphs(s).flatMap((p) => [p, ''])])].join('\n');
    case 'inline':
      return ['', ' ', `Bestuurlijke terugkoppeling Landelijk Overleg Veiligheid en Politie d.d. ${day} `, '',
        // An inline-headed section is one paragraph: the parser reads a next paragraph as a new, untitled topic.
        // Two blank lines between sections: a one-line section as wide as the page would otherwise run on.
        ...sections.flatMap((s) => [...wrap(`${s.heading}: ${paragraphs(s).join(' ')}`, 88).map((l) => `${l} `), '', ''])].join('\n');
    case 'pdfGaps':
      return [` Bestuurlijke terugkoppeling LOVP ${day} `, '', ' ', '',
        ...sections.flatMap((s) => [`${s.heading} `, '', ...paragraphs(s).flatMap((p) => wrap(p, 98).flatMap((l) => [`${l} `, ''])), ' ', ''])].join('\n');
    case 'pdfPlain':
      return [` Bestuurlijke terugkoppeling LOVP ${day} `, '',
        ...sections.flatMap((s) => [`${s.heading} `, ...paragraphs(s).flatMap((p) => wrap(p, 100).map((l) => `${l} `)), ' '])].join('\n');
  }
}

/** Light variation: other names, years moved with the meeting, other counts (day numbers before a month stay). */
function vary(text: string, shiftYears: number, rnd: () => number): string {
  let out = text;
  for (const name of SEED_NAMES) {
    if (out.includes(name)) out = out.split(name).join(OTHER_NAMES[Math.floor(rnd() * OTHER_NAMES.length)]);
  }
  return out.replace(new RegExp(`\\b\\d+\\b(?!\\s+(?:${MONTHS}))`, 'g'), (n) => {
    const value = Number(n);
    if (value >= 1990 && value <= 2030) return String(value + shiftYears);
    if (n.length > 1 && value > 10) return String(Math.max(11, Math.round(value * (0.7 + rnd() * 0.6))));
    return n;
  });
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Meeting dates every 14 to 21 days back from mid December 2020, never within 3 days of a seed meeting. */
function syntheticDates(count: number, seedDates: string[], rnd: () => number): string[] {
  const seeds = seedDates.map((d) => Date.parse(d));
  const dates: string[] = [];
  let t = Date.parse('2020-12-14');
  while (dates.length < count) {
    t -= (14 + Math.floor(rnd() * 8)) * 86_400_000;
    if (seeds.some((s) => Math.abs(s - t) < 4 * 86_400_000)) continue;
    dates.push(isoDay(new Date(t)));
  }
  return dates;
}

/** Writes N reports (N >= 5: the five seeds plus N - 5 synthetic ones) into `dir` or a new temp dir. */
export async function generateCorpus(n: number, dir?: string): Promise<SyntheticCorpus> {
  const out = dir ?? (await mkdtemp(path.join(os.tmpdir(), `lovp-corpus-${n}-`)));
  await mkdir(out, { recursive: true });
  const { names, pool, dates: seedDates } = await seedPool();
  for (const name of names.slice(0, n)) await copyFile(path.join(SEED_DIR, name), path.join(out, name));
  const rnd = random(n * 7919 + 17);
  const dates = syntheticDates(Math.max(0, n - names.length), seedDates, rnd);
  const mismatches: string[] = [];
  for (const [i, date] of dates.entries()) {
    const layout = LAYOUTS[i % LAYOUTS.length];
    const year = +date.slice(0, 4);
    const candidates = pool.filter((s) => fits(layout, s));
    const count = 5 + Math.floor(rnd() * 6);
    const picked: Section[] = [];
    const used = new Set<number>();
    while (picked.length < Math.min(count, candidates.length)) {
      const k = Math.floor(rnd() * candidates.length);
      if (used.has(k)) continue;
      used.add(k);
      const s = candidates[k];
      picked.push({ heading: s.heading, text: vary(s.text, year - s.year, rnd) });
    }
    const name = `synthetic_${String(i + 1).padStart(4, '0')}_${date}.txt`;
    const raw = render(layout, date, picked);
    const parsed = parseReport(raw, name);
    if (parsed.date !== date || parsed.sections.map((s) => s.heading).join('|') !== picked.map((s) => s.heading).join('|')) {
      mismatches.push(`${name} (${layout})`);
      if (process.env.DEBUG_CORPUS) console.error(name, picked.map((s) => s.heading), parsed.sections.map((s) => s.heading));
    }
    await writeFile(path.join(out, name), raw);
  }
  return { dir: out, files: Math.min(n, names.length) + dates.length, pool, mismatches, remove: () => rm(out, { recursive: true, force: true }) };
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  generateCorpus(Number(arg('--n') ?? 1000), arg('--out')).then((c) => {
    console.log(`${c.files} reports in ${c.dir}${c.mismatches.length ? `; parsed differently than written: ${c.mismatches.join(', ')}` : ''}`);
  }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
