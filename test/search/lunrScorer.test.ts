import assert from 'node:assert/strict';
import lunr from 'lunr';
import { loadReports } from '../../bot/ingest/loadReports';
import { byLunrRank, LunrScorer, type QueryTerm } from '../../bot/search/lunrScorer';
import { contentTokens, stem } from '../../bot/search/textAnalysis';
import { random } from '../../bench/syntheticCorpus';
import { seedDir } from '../ingest/helpers';

// LunrScorer must rank and score exactly as lunr.Index.query with optional terms does: answers depend on it.
/** Every hit the scorer visits, as a list. */
function hitsOf(scorer: LunrScorer, query: QueryTerm[], accept: Parameters<LunrScorer['visit']>[1]) {
  const hits: { ordinal: number; score: number; rank: number; terms: ReadonlySet<string> }[] = []; // lunr's own result, per section
  scorer.visit(query, accept, (ordinal, score, rank, terms) => hits.push({ ordinal, score, rank, terms }));
  return hits;
}

describe('LunrScorer', () => {
  let index: lunr.Index;
  let refs: string[];
  let vocabulary: string[];
  before(async () => {
    const { meetings } = await loadReports(seedDir);
    const docs = meetings.flatMap((m, mi) => m.sections.map((s, si) => ({ ref: `${mi}:${si}`, s })));
    refs = docs.map((d) => d.ref);
    index = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('ref');
      this.field('heading', { boost: 3 });
      this.field('body');
      this.field('parts', { boost: 0.6 });
      for (const { ref, s } of docs) {
        const body = contentTokens(s.text).map(stem);
        this.add({ ref, heading: contentTokens(s.heading).map(stem).join(' '), body: body.join(' '), parts: body.filter((t) => t.length > 8).map((t) => t.slice(0, 5)).join(' ') });
      }
    });
    vocabulary = Object.keys((index as unknown as { invertedIndex: object }).invertedIndex);
  });

  const viaLunr = (query: QueryTerm[]) => index.query((q) => {
    for (const { term, boost } of query) if (vocabulary.includes(term)) q.term(term, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
  }).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));

  it('gives lunr\'s results, scores (to the bit) and matched terms for random queries', () => {
    const scorer = new LunrScorer(index, refs);
    const rnd = random(99);
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const query: QueryTerm[] = [];
      const size = 1 + Math.floor(rnd() * 6);
      for (let i = 0; i < size; i++) {
        const term = rnd() < 0.1 ? `unknown${i}` : vocabulary[Math.floor(rnd() * vocabulary.length)];
        if (!query.some((q) => q.term === term)) query.push({ term, boost: rnd() < 0.7 ? 1 : 0.5 });
      }
      const ours = hitsOf(scorer, query, { terms: () => true }).sort(byLunrRank).map((h) => ({ ref: refs[h.ordinal], score: h.score, terms: [...h.terms].sort() }));
      const theirs = vocabulary.length && query.some((q) => vocabulary.includes(q.term)) ? viaLunr(query) : [];
      assert.deepEqual(ours, theirs, JSON.stringify(query));
      compared += theirs.length;
    }
    assert.ok(compared > 1000, `only ${compared} results compared`);
  });

  it('keeps lunr\'s order among the sections `accept` keeps', () => {
    const scorer = new LunrScorer(index, refs);
    const query = [{ term: stem('politie'), boost: 1 }, { term: stem('burgemeesters'), boost: 1 }, { term: stem('vuurwerk'), boost: 0.5 }];
    const kept = (ref: string) => Number(ref.split(':')[1]) % 2 === 0;
    const ours = hitsOf(scorer, query, { terms: () => true, doc: (d) => kept(refs[d]) }).sort(byLunrRank).map((h) => refs[h.ordinal]);
    assert.ok(ours.length > 3);
    assert.deepEqual(ours, viaLunr(query).map((r) => r.ref).filter(kept));
  });

  it('counts the sections holding a term in any field', () => {
    const scorer = new LunrScorer(index, refs);
    const term = stem('politie');
    const postings = (index as unknown as { invertedIndex: Record<string, Record<string, object>> }).invertedIndex[term];
    const holding = new Set(['heading', 'body', 'parts'].flatMap((f) => Object.keys(postings[f])));
    assert.equal(scorer.documentFrequency(term), holding.size);
    assert.equal(scorer.documentFrequency('no-such-term'), 0);
  });
});
