// Work that must not hold the bot's event loop (parsing a report file, building the search index, extracting
// pending items) runs in a worker thread. A TaskWorker runs one task at a time in its worker; a task that takes
// longer than its time limit, or a worker that dies (out of memory, a crash), fails that task with a clear error
// and the worker is terminated, which also stops JavaScript stuck in a loop. The next task gets a fresh worker.
// An idle worker does not keep the process alive, and close() ends it at once, with or without a task running.
//
// Used here for report parsing (parseInWorker.ts) and by bot/teams/ for the index and the pending items.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import path from 'node:path';
import { parentPort, Worker, workerData, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { SerialQueue } from '../shared/serialQueue';

export class TaskTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the task took longer than ${timeoutMs} ms and was stopped`);
  }
}

export class TaskWorkerDied extends Error {}

export class TaskWorkerClosed extends Error {
  constructor() {
    super('the worker was closed (the bot is stopping)');
  }
}

export interface TaskWorkerOptions {
  /** The worker's module, which calls serveTasks(); a .ts file under tsx, .js when compiled. */
  script: string;
  /** Per task (default none). */
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /** Background work (parsing, pending items): the thread runs at a lower CPU priority than the one that answers. */
  lowPriority?: boolean;
}

/** Nice value of a low-priority worker thread. */
const LOW_PRIORITY = 10;

interface Reply {
  id: number;
  ok: boolean;
  output?: unknown;
  error?: { name: string; message: string };
}

/** The path of a worker module next to `dirname`, with the extension this code runs with (.ts or .js). */
export function workerScript(dirname: string, name: string): string {
  return path.join(dirname, `${name}${path.extname(__filename)}`);
}

function spawn(options: TaskWorkerOptions): Worker {
  const settings = { resourceLimits: options.resourceLimits, workerData: { lowPriority: !!options.lowPriority } };
  if (!options.script.endsWith('.ts')) return new Worker(options.script, settings);
  // Under tsx (npm start, tests) a worker does not inherit the TypeScript loader: it registers it first.
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(options.script)});`;
  return new Worker(code, { ...settings, eval: true });
}

export class TaskWorker<In, Out> {
  private worker?: Worker;
  private readonly queue = new SerialQueue();
  private nextId = 0;
  private closed = false;
  private running?: { id: number; resolve(value: Out): void; reject(err: Error): void };
  private waiting = 0;

  constructor(private readonly options: TaskWorkerOptions) {}

  /** Runs the task after the ones before it; `transfer` hands buffers over without copying. */
  run(input: In, transfer: Transferable[] = []): Promise<Out> {
    this.waiting++;
    const task = () => {
      this.waiting--;
      return this.closed ? Promise.reject(new TaskWorkerClosed()) : this.start(input, transfer);
    };
    return this.queue.run(task);
  }

  /** Ends the worker once the tasks queued so far are done. */
  closeWhenIdle(): Promise<void> {
    return this.queue.idle().then(() => this.close());
  }

  /** Ends the worker now: the running task and the queued ones fail with TaskWorkerClosed. */
  async close(): Promise<void> {
    this.closed = true;
    this.fail(new TaskWorkerClosed());
  }

  private start(input: In, transfer: Transferable[]): Promise<Out> {
    const worker = this.ensureWorker();
    const id = ++this.nextId;
    worker.ref();
    return new Promise<Out>((resolve, reject) => {
      const timer = this.options.timeoutMs ? setTimeout(() => this.fail(new TaskTimedOut(this.options.timeoutMs!)), this.options.timeoutMs) : undefined;
      const done = <T>(settle: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        this.running = undefined;
        // Idle: the worker stays for the next task but no longer keeps the process alive.
        if (this.waiting === 0) this.worker?.unref();
        settle(value);
      };
      this.running = { id, resolve: done(resolve), reject: done(reject) };
      worker.postMessage({ id, input }, transfer);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn(this.options);
    worker.on('message', (reply: Reply) => {
      if (!this.running || reply.id !== this.running.id) return;
      if (reply.ok) this.running.resolve(reply.output as Out);
      else this.running.reject(Object.assign(new Error(reply.error?.message ?? 'the task failed'), { name: reply.error?.name ?? 'Error' }));
    });
    worker.on('error', (err) => this.forget(worker, new TaskWorkerDied(`the worker failed: ${err.message}`)));
    worker.on('exit', (code) => this.forget(worker, new TaskWorkerDied(`the worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** A worker that failed or exited: the task it was running fails, the next task starts a new one. */
  private forget(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.running?.reject(err);
  }

  /** Terminates the worker (it may be stuck in a loop) and fails the running task. */
  private fail(err: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.running?.reject(err);
    void worker?.terminate();
  }
}

/** Lowers this thread's CPU priority: on Linux a thread has its own nice value, set through its thread id. */
function lowerOwnPriority(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), LOW_PRIORITY);
  } catch {
    // Not Linux, or not allowed: the work runs at normal priority.
  }
}

/** The worker side: answers every task posted to this thread with handler's result (or its error). */
export function serveTasks<In, Out>(handler: (input: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() runs in a worker thread');
  if ((workerData as { lowPriority?: boolean } | undefined)?.lowPriority) lowerOwnPriority();
  port.on('message', async ({ id, input }: { id: number; input: In }) => {
    try {
      port.postMessage({ id, ok: true, output: await handler(input) });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
    }
  });
}
