// Holds the search index built from the library's meetings and replaces it when the reports change.
// The index is immutable: a rebuild makes a new one and swaps the reference in one assignment, so a question
// already being answered finishes on the index it started with and the next one gets the new index.
import type { Meeting } from '../corpus/meeting';
import type { ReportLibrary } from './reportLibrary';

export class LiveKnowledge<T> {
  private value: T;
  private generation = 0;
  private readonly unsubscribe: () => void;
  /** How many times the index was replaced (for logs and tests). */
  rebuilds = 0;

  constructor(library: ReportLibrary, private readonly build: (meetings: Meeting[]) => T | Promise<T>, initial: T,
    private readonly onError: (err: unknown) => void = (err) => console.error('[lovp-bot] rebuilding the index failed; the old one stays:', err)) {
    this.value = initial;
    this.unsubscribe = library.onChange((meetings) => this.rebuild([...meetings]));
  }

  /** Create from the library's current meetings. */
  static fromLibrary<T>(library: ReportLibrary, build: (meetings: Meeting[]) => T): LiveKnowledge<T> {
    return new LiveKnowledge(library, build, build([...library.meetings]));
  }

  get current(): T {
    return this.value;
  }

  /** For code that wants a getter (createApp accepts `() => KnowledgeSource`). */
  readonly get = (): T => this.value;

  close(): void {
    this.unsubscribe();
  }

  private rebuild(meetings: Meeting[]): void {
    const generation = ++this.generation;
    const swap = (next: T) => {
      // A newer change may have finished building first (async builders); never go back to older data.
      if (generation !== this.generation) return;
      this.value = next;
      this.rebuilds++;
    };
    try {
      const next = this.build(meetings);
      // A synchronous builder swaps before the library's scan() resolves, so the caller sees the new index.
      if (next instanceof Promise) next.then(swap, this.onError);
      else swap(next);
    } catch (err) {
      this.onError(err);
    }
  }
}
