// Tasks that must not overlap run one at a time, in the order they were given; a failed task does not stop the
// ones after it. One queue per thing that needs it, or one per key for code that shares a thing it does not own
// (several stores over one Storage keep one queue for it).

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task given before; resolves or rejects with it. */
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task given so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

const byKey = new WeakMap<object, SerialQueue>();

/** The queue of `key` in this process (made on first use, gone with the key). */
export function queueFor(key: object): SerialQueue {
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = new SerialQueue()));
  return queue;
}
