// Cold start: the time from spawning a process to the first answer it gives. The child (probes/coldStartServer)
// starts the bot like index.ts; the clock stops when the answer to a first question posted to /api/messages
// arrives. Floors measured the same way: a node process that prints at once, and the bot over no reports.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { personalMessage, postActivity } from './activities';

export interface ColdStart {
  /** Spawn to "READY" (listening, knowledge base loaded). */
  readyMs: number;
  /** Spawn to the answer of the first question. */
  answerMs: number;
  /** What the child reported: cache hit/miss/off and the number of meetings. */
  cache: string;
  meetings: number;
  answered: boolean;
  /** Resident set size of the child after its first answer, and its peak (from /proc, Linux only). */
  rss?: number;
  peakRss?: number;
}

function memoryOf(pid: number | undefined): { rss?: number; peakRss?: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024 || undefined;
    return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  } catch {
    return {};
  }
}

export interface ChildCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Spawns `node ...args`, waits for "READY <port> <cache> <meetings>", asks `question` (if a port is given). */
export async function coldStart(command: ChildCommand, question: string, timeoutMs = 120_000): Promise<ColdStart> {
  const start = performance.now();
  const child = spawn(process.execPath, command.args, { cwd: command.cwd, env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const ready = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => line.startsWith('READY') && resolve(line));
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before READY: ${stderr.slice(-2000)}`)));
    });
    const readyMs = performance.now() - start;
    const [, port, cache = 'n/a', meetings = '0'] = ready.split(' ');
    if (port === '-') return { readyMs, answerMs: readyMs, cache, meetings: +meetings, answered: false };
    const reply = await postActivity(`http://127.0.0.1:${port}/api/messages`, personalMessage(question));
    const answerMs = performance.now() - start;
    return { readyMs, answerMs, cache, meetings: +meetings, answered: reply.status === 200 && reply.text.length > 0, ...memoryOf(child.pid) };
  } finally {
    clearTimeout(timer);
    child.kill();
  }
}
