// Baseline: lunr out of the box (English pipeline, query syntax as typed) over the same sections.
import lunr from 'lunr';
import { runBaseline, type BaselineEngine } from './baselineCli';

export const plainLunr: BaselineEngine = (docs) => {
  const index = lunr(function () {
    this.ref('id');
    this.field('heading');
    this.field('text');
    for (const d of docs) this.add({ id: d.id, heading: d.section.heading, text: d.section.text });
  });
  return (q) => index.search(q).map((r) => Number(r.ref));
};

if (require.main === module) runBaseline(plainLunr);
