// The real entry point (index.ts) in a process of its own, on a loopback port, so a test can see what an
// outsider sees: whether the process survives a request, how long /healthz takes while it works, its memory,
// and how fast it stops on SIGTERM. Reads only the env given here (no .env). Runs the compiled index.js of the
// test build (compiledBuild.ts): the same code, ready in about half the time it takes under tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { compiledFile } from './compiledBuild';

export interface ChildBot {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resident memory of the process in MB (Linux /proc). */
  rssMb(): number;
  alive(): boolean;
  /** Sends the signal; resolves with the exit code and how long the process took to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

/** Starts index.ts; resolves once it listens and, unless `waitReady` is false, has read its reports. */
export async function startChildBot(env: NodeJS.ProcessEnv, { timeoutMs = 60_000, waitReady = true } = {}): Promise<ChildBot> {
  const child = spawn(process.execPath, [compiledFile('index.ts')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: '/dev/null', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /listening on (http:\/\/\S+?)\/api\/messages/.exec(out);
      if (m && (!waitReady || /\[lovp-bot\] ready/.test(out))) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = 'SIGTERM') {
      const started = Date.now();
      if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, ms: 0 };
      child.kill(signal);
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(kill);
      return { code, ms: Date.now() - started };
    },
  };
}
