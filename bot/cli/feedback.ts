// npm run -s feedback -- [--json]
// The 👍/👎 users gave on answers (kept in the state store: STATE_DIR, or Azure Blob storage when configured),
// worst-rated sections first, then every reaction with its question. Nothing personal beyond the Teams user id.
import 'dotenv/config';
import { FeedbackStore, ratingsBySection } from '../feedback/feedbackStore';
import { loadConfig } from '../config';
import { createStorage } from '../state/createStorage';

async function main() {
  const json = process.argv.includes('--json');
  const { storage, description } = createStorage(loadConfig(process.env));
  const feedback = await new FeedbackStore(storage).list();
  const sections = ratingsBySection(feedback);
  if (json) {
    console.log(JSON.stringify({ sections, feedback }));
    return;
  }
  console.log(`${feedback.length} reaction(s) in ${description}`);
  if (feedback.length === 0) return;
  console.log('\nSections, worst rated first:');
  for (const s of sections) console.log(`  ${s.date} ${s.section}: ${s.dislikes} 👎 ${s.likes} 👍${s.comments.length ? ` — "${s.comments.join('" / "')}"` : ''}`);
  console.log('\nReactions, newest first:');
  for (const f of [...feedback].reverse()) {
    console.log(`  ${f.ratedAt} ${f.reaction === 'like' ? '👍' : '👎'} (${f.conversationType}) "${f.question}"${f.comment ? ` — ${f.comment}` : ''}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
