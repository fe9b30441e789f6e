// npm run -s ask -- [--json] [--data DIR] [--session NAME] ["question"]
// With a question: answers it. Without: reads one question per line from stdin, one answer each.
// --session NAME keeps the last question's topic between questions and between runs (in STATE_DIR, default
// state/), so follow-ups can be tried here as in a Teams chat:
//   npm run -s ask -- --session me "wat is er afgesproken over bewaken en beveiligen?"
//   npm run -s ask -- --session me "en wanneer komt dat terug?"
// Without --session every question stands alone (the eval scorers rely on that).
import { loadKnowledge } from '../answer/loadKnowledge';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { formatDate } from '../corpus/dates';
import { TopicMemory } from '../answer/topicMemory';
import type { QuestionResult } from '../answer/knowledgeBase';
import { loadConfig } from '../config';
import { FileStorage } from '../state/fileStorage';

function parseArgs(argv: string[], dataDir: string) {
  const opts = {
    json: false,
    data: dataDir,
    session: undefined as string | undefined,
    question: undefined as string | undefined,
  };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') opts.json = true;
    else if (argv[i] === '--data') opts.data = argv[++i];
    else if (argv[i] === '--session') opts.session = argv[++i];
    else words.push(argv[i]);
  }
  if (words.length) opts.question = words.join(' ');
  return opts;
}

function readable(r: QuestionResult): string {
  if (r.answers.length === 0) {
    return r.language === 'en' ? 'Nothing about this was found in the LOVP reports.' : 'Hierover is niets gevonden in de LOVP-terugkoppelingen.';
  }
  const notes = [
    ...r.corrections.map((c) => (r.language === 'en' ? `(Did you mean "${c.to}"?)` : `(Bedoelde je "${c.to}"?)`)),
    ...(r.followUpOf ? [r.language === 'en' ? `(About: ${r.followUpOf.question})` : `(Over: ${r.followUpOf.question})`] : []),
  ];
  return [...notes, ...r.answers.map((a, i) => `[${i + 1}] LOVP ${formatDate(a.date, r.language)} – ${a.section}\n    "${a.quote}"`)].join('\n');
}

async function main() {
  const config = loadConfig(process.env);
  const opts = parseArgs(process.argv.slice(2), config.dataDir);
  const { kb, rejected } = await loadKnowledge(path.resolve(opts.data), { maxAnswers: config.maxAnswers, maxQuestionChars: config.maxQuestionChars });
  for (const r of rejected) console.error(`skipped ${r.error?.text('en') ?? r.file}`);
  // A session's topic is kept as long as in Teams (TOPIC_MEMORY_MINUTES), in the state store (STATE_DIR).
  const memory = opts.session ? new TopicMemory(new FileStorage(config.stateDir), Math.max(1, config.topicMemoryMinutes) * 60_000) : undefined;
  const conversation = `cli/${opts.session}`;
  const ask = async (q: string) => {
    const context = memory ? await memory.recall(conversation, conversation) : undefined;
    const r = kb.ask(q, { context });
    if (memory && r.answers.length) await memory.remember(conversation, conversation, r.topic);
    console.log(opts.json ? JSON.stringify(r) : readable(r));
  };
  if (opts.question !== undefined) return ask(opts.question);
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (opts.json || line.trim()) await ask(line);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
