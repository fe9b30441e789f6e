// Baseline: MiniSearch with its defaults plus prefix and fuzzy matching, over the same sections.
import MiniSearch from 'minisearch';
import { runBaseline } from './baselineCli';

runBaseline((docs) => {
  const index = new MiniSearch({ fields: ['heading', 'text'], searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2 } });
  index.addAll(docs.map((d) => ({ id: d.id, heading: d.section.heading, text: d.section.text })));
  return (q) => index.search(q).map((r) => Number(r.id));
});
