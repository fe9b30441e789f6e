// Holds the search index built from the library's meetings and replaces it when the reports change.
// The index is immutable: a rebuild makes a new one and swaps the reference in one assignment, so a question
// already being answered finishes on the index it started with and the next one gets the new index.
// A builder may be asynchronous (the bot builds in a worker thread): then one build runs at a time, and changes
// that arrive meanwhile are built together once it is done, so a burst of changes costs two builds, not one each.
import type { Meeting } from '../corpus/meeting';
import type { ReportLibrary } from './reportLibrary';

export interface LiveKnowledgeOptions<T> {
  onError?: (err: unknown) => void;
  /** Called with an index once it has been replaced (and with the last one on close). */
  dispose?: (old: T) => void;
}

export class LiveKnowledge<T> {
  private value: T;
  private readonly unsubscribe: () => void;
  private running?: Promise<void>;
  private next?: Meeting[];
  private closed = false;
  /** How many times the index was replaced (for logs and tests). */
  rebuilds = 0;
  /** Why the last build failed, until one succeeds (the old index stays meanwhile). */
  lastError?: string;

  constructor(library: ReportLibrary, private readonly build: (meetings: Meeting[]) => T | Promise<T>, initial: T,
    private readonly options: LiveKnowledgeOptions<T> = {}) {
    this.value = initial;
    this.unsubscribe = library.onChange((meetings) => this.refresh([...meetings]));
  }


  get current(): T {
    return this.value;
  }

  /** For code that wants a getter (createApp accepts `() => KnowledgeSource`). */
  readonly get = (): T => this.value;

  /** True while a build runs (the current index then holds older meetings). */
  get building(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once no build is running or waiting: the index holds the library's latest meetings. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.options.dispose?.(this.value);
  }

  /** Builds from these meetings (the library's changes do this by themselves). */
  refresh(meetings: Meeting[]): void {
    if (this.running) {
      this.next = meetings;
      return;
    }
    let built: T | Promise<T>;
    try {
      built = this.build(meetings);
    } catch (err) {
      this.fail(err);
      return;
    }
    // A synchronous builder swaps before the library's scan() resolves, so the caller sees the new index.
    if (!(built instanceof Promise)) return this.swap(built);
    this.running = built.then((next) => this.swap(next), (err) => this.fail(err)).finally(() => {
      this.running = undefined;
      const waiting = this.next;
      this.next = undefined;
      if (waiting && !this.closed) this.refresh(waiting);
    });
  }

  private swap(next: T): void {
    if (this.closed) return this.options.dispose?.(next);
    const old = this.value;
    this.value = next;
    this.rebuilds++;
    this.lastError = undefined;
    if (old !== next) this.options.dispose?.(old);
  }

  private fail(err: unknown): void {
    this.lastError = String((err as Error)?.message ?? err);
    (this.options.onError ?? ((e) => console.error('[lovp-bot] rebuilding the index failed; the old one stays:', e)))(err);
  }
}
