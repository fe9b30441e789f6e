// npm run -s ask -- [--json] [--data DIR] ["question"]
// With a question: answers it. Without: reads one question per line from stdin, one answer each.
import { createInterface } from 'node:readline';
import path from 'node:path';
import { formatDate } from '../corpus/meeting';
import { KnowledgeBase, type QuestionResult } from '../knowledgeBase';

function parseArgs(argv: string[]) {
  const opts = { json: false, data: path.resolve(process.env.DATA_DIR?.trim() || 'data'), question: undefined as string | undefined };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = true;
    else if (argv[i] === '--data') opts.data = argv[++i];
    else words.push(argv[i]);
  }
  if (words.length) opts.question = words.join(' ');
  return opts;
}

function readable(r: QuestionResult): string {
  if (r.answers.length === 0) {
    return r.language === 'en' ? 'Nothing about this was found in the LOVP reports.' : 'Hierover is niets gevonden in de LOVP-terugkoppelingen.';
  }
  return r.answers.map((a, i) => `[${i + 1}] LOVP ${formatDate(a.date, r.language)} – ${a.section}\n    "${a.quote}"`).join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { kb, errors } = await KnowledgeBase.fromDirectory(opts.data);
  for (const e of errors) console.error(`skipped ${e.message}`);
  const print = (q: string) => {
    const r = kb.ask(q);
    console.log(opts.json ? JSON.stringify(r) : readable(r));
  };
  if (opts.question !== undefined) return print(opts.question);
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (opts.json || line.trim()) print(line);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
