// Question latency of the real bot (compiled: node dist/index.js) over many reports while it is busy: from the
// moment it listens until it has read them all, and while it takes in one more report; next to the same
// questions on the same bot when it is idle (the baseline, measured in the same run). Questions are sent one at
// a time, every 50 ms, as personal-chat messages with expectReplies.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { personalMessage, postActivity } from './activities';
import { PROJECT_ROOT } from './paths';
import { percentiles, type Percentiles } from './stats';

export interface WhileLoading {
  reports: number;
  /** Spawn to listening, and spawn to every report read and indexed. */
  listeningMs: number;
  readyMs: number;
  loading: Percentiles;
  idle: Percentiles;
  rebuilding: Percentiles;
  /** How long SIGTERM took to end the process, and its exit code. */
  stopMs: number;
  exitCode: number | null;
  /** Replies that were not 200. */
  failures: number;
}

const QUESTION = 'wat is er afgesproken over vuurwerk?';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureWhileLoading(dataDir: string, stateDir: string, reports: number): Promise<WhileLoading> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'index.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOTENV_CONFIG_PATH: '/dev/null', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /listening on (http:\/\/\S+?)\/api\/messages/.exec(out);
        if (m) {
          clearInterval(timer);
          resolve(m[1]);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the bot exited: ${out}`));
        }
      }, 10);
    });
    const listeningMs = performance.now() - started;
    let failures = 0;
    const health = async () => (await (await fetch(`${base}/healthz`)).json()) as { meetings: number; loading?: boolean };
    const askWhile = async (busy: () => Promise<boolean>, pauseMs = 50): Promise<number[]> => {
      const samples: number[] = [];
      while (await busy()) {
        const t = performance.now();
        const reply = await postActivity(`${base}/api/messages`, personalMessage(QUESTION));
        samples.push(performance.now() - t);
        if (reply.status !== 200 || !reply.text) failures++;
        await sleep(pauseMs);
      }
      return samples;
    };
    const loading = await askWhile(async () => {
      const h = await health();
      return h.loading === true || h.meetings < reports;
    });
    const readyMs = performance.now() - started;
    let idleLeft = 100;
    const idle = await askWhile(async () => idleLeft-- > 0);
    writeFileSync(path.join(dataDir, 'lovp-2030-01-03.txt'), 'Bestuurlijke terugkoppeling LOVP 3 januari 2030\n\nZeppelinhaven\nAfgesproken is dat de zeppelinhaven wordt onderzocht.\n');
    const rebuilding = await askWhile(async () => (await health()).meetings <= reports);
    const stopAt = performance.now();
    child.kill('SIGTERM');
    const exitCode = await exited;
    return { reports, listeningMs, readyMs, loading: percentiles(loading), idle: percentiles(idle), rebuilding: percentiles(rebuilding), stopMs: performance.now() - stopAt, exitCode, failures };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}
