// The follow-ups of all reports and what became of them, kept up to date one report at a time. A later meeting
// with a section on the same topic (topicMatch.ts) marks an item 'discussed' there: the first such meeting, its
// best-matching section, and the sentence of it that shares most with the item. That is shown, not treated as
// done: only a user closes an item (itemStore.ts).
//
// Why incremental: at 1,000 meetings reading every report and comparing every item with every later section
// took most of a minute. Now a report that arrives is read once, its sections are compared only with the items
// still open before it (found through an index of their terms), and its own items only with the meetings after
// it. The first build does the same for every report in date order, in slices that give the event loop back
// every few milliseconds (sync), so questions are answered while it runs; syncNow does it in one go (CLI, tests).
import { splitSentences } from '../answer/sentences';
import type { Meeting } from '../corpus/meeting';
import { extractPending } from './extractPending';
import type { PendingItem } from './pendingItem';
import { itemTopic, sameTopic, sectionTopic, TermWeights, Topic, topicScore, type ItemTopic, type SectionTopic } from './topicMatch';
import { SerialQueue } from '../shared/serialQueue';

/** Open items compared with a new meeting in one step of sync(). */
const CANDIDATES_PER_STEP = 200;

interface Discussion {
  date: string;
  heading: string;
  quote: string;
}

interface Tracked {
  item: PendingItem;
  topic: ItemTopic;
  keys: string[];
  discussed?: Discussion;
  /** The item as items() gives it, made again only when `discussed` changes. */
  view?: PendingItem;
}

interface Entry {
  meeting: Meeting;
  sections: SectionTopic[];
  tracked: Tracked[];
}

export interface TrackerOptions {
  /** Work done between two yields to the event loop in sync() (ms). */
  sliceMs?: number;
}

export class PendingTracker {
  private entries: Entry[] = [];
  private readonly byMeeting = new Map<Meeting, Entry>();
  private readonly weights = new TermWeights();
  /** Items not discussed yet, by the keys of their terms (Topic.keys). */
  private readonly open = new Map<string, Set<Tracked>>();
  private snapshot: readonly PendingItem[] = Object.freeze([]);
  private dirty = false;
  private readonly queue = new SerialQueue();
  private readonly sliceMs: number;

  constructor(options: TrackerOptions = {}) {
    this.sliceMs = options.sliceMs ?? 8;
  }

  /** Every item, oldest meeting first, with 'discussed' where a later meeting took the topic up again. */
  items(): readonly PendingItem[] {
    if (this.dirty) {
      this.snapshot = Object.freeze(this.entries.flatMap((e) => e.tracked.map((t) => (t.view ??= withDiscussion(t)))));
      this.dirty = false;
    }
    return this.snapshot;
  }

  /** Brings the items in line with `meetings`, yielding to the event loop between slices of work. */
  sync(meetings: readonly Meeting[]): Promise<readonly PendingItem[]> {
    const run = async () => {
      let sliceStart = performance.now();
      for (const step of this.steps(meetings)) {
        step();
        if (performance.now() - sliceStart >= this.sliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
      return this.items();
    };
    return this.queue.run(run);
  }

  /** The same as sync, in one go. */
  syncNow(meetings: readonly Meeting[]): readonly PendingItem[] {
    for (const step of this.steps(meetings)) step();
    return this.items();
  }

  /** The work that turns the current state into the one for `meetings`, as small steps. */
  private *steps(meetings: readonly Meeting[]): Generator<() => void> {
    const wanted = new Set(meetings);
    for (const entry of [...this.entries]) if (!wanted.has(entry.meeting)) yield () => this.remove(entry);
    const added = [...meetings].filter((m) => !this.byMeeting.has(m)).sort((a, b) => a.date.localeCompare(b.date));
    // Term weights first, over every section, so the first build compares as if it had all reports at once.
    const fresh: Entry[] = [];
    for (const meeting of added) {
      yield () => {
        const entry: Entry = { meeting, sections: meeting.sections.map(sectionTopic), tracked: [] };
        for (const s of entry.sections) this.weights.add(s.topic);
        fresh.push(entry);
      };
    }
    for (let i = 0; i < added.length; i++) yield* this.insert(() => fresh[i]);
  }

  /** Adds a meeting in date order, in steps: its sections against the open items, then its own items section by section. */
  private *insert(entryOf: () => Entry): Generator<() => void> {
    let entry!: Entry;
    let position = 0;
    let candidates: Tracked[] = [];
    yield () => {
      entry = entryOf();
      const at = this.entries.findIndex((e) => e.meeting.date > entry.meeting.date);
      position = at < 0 ? this.entries.length : at;
      this.entries.splice(position, 0, entry);
      this.byMeeting.set(entry.meeting, entry);
      // Items of earlier meetings that are open (or were discussed only after this one) may be discussed here.
      candidates = this.candidates(entry, position);
      this.dirty = true;
    };
    for (let from = 0; from === 0 || from < candidates.length; from += CANDIDATES_PER_STEP) {
      const start = from;
      yield () => this.discussIn(entry, candidates.slice(start, start + CANDIDATES_PER_STEP));
    }
    for (let i = 0; i === 0 || i < entry.meeting.sections.length; i++) {
      const index = i;
      yield () => {
        const section = entry.meeting.sections[index];
        if (!section) return;
        for (const item of extractPending({ ...entry.meeting, sections: [section] })) {
          const topic = itemTopic(item);
          const t: Tracked = { item, topic, keys: keysOf(topic) };
          entry.tracked.push(t);
          this.follow(t, position + 1);
          if (!t.discussed) this.index(t);
        }
        this.dirty = true;
      };
    }
  }

  private remove(entry: Entry): void {
    const position = this.entries.indexOf(entry);
    this.entries.splice(position, 1);
    this.byMeeting.delete(entry.meeting);
    for (const s of entry.sections) this.weights.remove(s.topic);
    for (const t of entry.tracked) this.unindex(t);
    // What was discussed only in this meeting may have been taken up again in a later one.
    for (const e of this.entries.slice(0, position)) {
      for (const t of e.tracked) {
        if (t.discussed?.date !== entry.meeting.date) continue;
        t.discussed = undefined;
        t.view = undefined;
        this.follow(t, this.entries.findIndex((x) => x.meeting.date > t.item.date));
        if (!t.discussed) this.index(t);
      }
    }
    this.dirty = true;
  }

  /** Sets `t.discussed` to the first meeting from `from` on that takes its topic up again. */
  private follow(t: Tracked, from: number): void {
    if (from < 0) return;
    for (let i = from; i < this.entries.length && !t.discussed; i++) this.discussIn(this.entries[i], [t]);
  }

  /** Of `candidates`, those whose topic a section of `entry` takes up are discussed there (best section). */
  private discussIn(entry: Entry, candidates: Tracked[]): void {
    for (const t of candidates) {
      let best: { section: SectionTopic; rank: number } | undefined;
      for (const section of entry.sections) {
        const score = topicScore(this.weights, t.topic, section);
        if (!sameTopic(score)) continue;
        const rank = score.heading + score.text;
        if (!best || rank > best.rank) best = { section, rank };
      }
      if (!best) continue;
      if (!t.discussed) this.unindex(t);
      t.discussed = { date: entry.meeting.date, heading: best.section.heading, quote: bestQuote(this.weights, t.topic.topic, best.section.text) };
      t.view = undefined;
      this.dirty = true;
    }
  }

  /**
   * Items of meetings before `entry` (at `position`) that it may discuss: the open ones sharing a term key with
   * one of its sections, and, when it is not the newest meeting, those discussed only after it.
   */
  private candidates(entry: Entry, position: number): Tracked[] {
    const date = entry.meeting.date;
    const found = new Set<Tracked>();
    for (const section of entry.sections) {
      for (const key of section.topic.keys()) for (const t of this.open.get(key) ?? []) if (t.item.date < date) found.add(t);
    }
    if (position < this.entries.length - 1) {
      for (const e of this.entries.slice(0, position)) for (const t of e.tracked) if (t.discussed && t.discussed.date > date) found.add(t);
    }
    return [...found];
  }

  private index(t: Tracked): void {
    for (const key of t.keys) {
      const set = this.open.get(key);
      if (set) set.add(t);
      else this.open.set(key, new Set([t]));
    }
  }

  private unindex(t: Tracked): void {
    for (const key of t.keys) this.open.get(key)?.delete(t);
  }
}

function keysOf(topic: ItemTopic): string[] {
  return [...new Set([...(topic.headingTopic?.keys() ?? []), ...topic.topic.keys()])];
}

/** The sentence of the later section that shares most with the item: what was said about it then. */
function bestQuote(weights: TermWeights, item: Topic, text: string): string {
  let best = { quote: '', weight: -1 };
  for (const sentence of splitSentences(text)) {
    const weight = weights.shared(item, new Topic(sentence)).weight;
    if (weight > best.weight) best = { quote: sentence, weight };
  }
  return best.quote;
}

function withDiscussion(t: Tracked): PendingItem {
  if (!t.discussed) return t.item;
  return { ...t.item, status: 'discussed', discussedOn: t.discussed.date, discussedIn: t.discussed.heading, discussedQuote: t.discussed.quote };
}

/** The follow-ups of `meetings`, tracked through the later ones (one go; the bot keeps a PendingTracker). */
export function pendingItems(meetings: readonly Meeting[]): PendingItem[] {
  return [...new PendingTracker().syncNow(meetings)];
}
