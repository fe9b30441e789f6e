// `npm start`: runs the bot (`npm run start:bot`) and the Microsoft 365 Agents Playground side by side,
// waits until both answer, prints the Playground URL, forwards Ctrl+C / SIGTERM and stops everything
// when either process dies. No Azure account is needed: the bot runs in local mode without MicrosoftAppId.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../config';

const ROOT = path.join(__dirname, '..', '..');

export interface LaunchOptions {
  /** Environment for both processes (default process.env). PORT and TEAMSAPPTESTER_PORT are read from it. */
  env?: NodeJS.ProcessEnv;
  botPort?: number;
  playgroundPort?: number;
  /** How long the bot and the Playground may take to answer (default 60 s). */
  readyTimeoutMs?: number;
  /** Each line either process prints (default: to the console, prefixed [bot] / [playground]). */
  onOutput?: (source: ProcessName, line: string) => void;
}

export type ProcessName = 'bot' | 'playground';

export interface ProcessExit {
  name: ProcessName;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningPlayground {
  playgroundUrl: string;
  botEndpoint: string;
  /** Settles when the first of the two processes exits (after stop() too). */
  firstExit: Promise<ProcessExit>;
  /** Stops both processes (SIGTERM, then SIGKILL after a grace period). Safe to call twice. */
  stop(): Promise<void>;
}

function pipeLines(child: ChildProcess, name: ProcessName, onLine: (name: ProcessName, line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => onLine(name, line));
  }
}

/** Resolves when `url` answers 200; rejects when `giveUp` settles first or the deadline passes. */
async function waitForHttp(url: string, deadline: number, giveUp: Promise<unknown>): Promise<void> {
  let stopped = false;
  giveUp.then(() => (stopped = true), () => (stopped = true));
  let lastError = '';
  while (!stopped) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer in time (${lastError})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`stopped waiting for ${url}`);
}

function withDeadline<T>(promise: Promise<T>, deadline: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Fails when something already listens on the bot port: its /healthz would answer for a bot that never
 * started. (The Playground needs no such check: it moves to a free port and says which.)
 */
function ensurePortFree(port: number, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} is already in use (another bot running?); stop it or set ${setting}` : err.message)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Kills the process group (the child and whatever it started, e.g. npm -> tsx -> node). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startWithPlayground(options: LaunchOptions = {}): Promise<RunningPlayground> {
  const env = options.env ?? process.env;
  // The bot checks its settings again when it starts; reading them here stops a bad PORT before anything runs.
  const config = loadConfig(env);
  const botPort = options.botPort ?? config.port;
  const requestedPlaygroundPort = options.playgroundPort ?? config.playgroundPort;
  const onOutput = options.onOutput ?? ((name, line) => console.log(`[${name}] ${line}`));
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  const botEndpoint = `http://127.0.0.1:${botPort}/api/messages`;
  await ensurePortFree(botPort, 'PORT');

  // detached: each child leads its own process group, so one signal reaches all its descendants.
  const bot = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'start:bot'], {
    cwd: ROOT,
    env: { ...env, PORT: String(botPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const playgroundArgs = ['start', '--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--port', String(requestedPlaygroundPort), '--disable-telemetry'];
  if (env.MicrosoftAppId?.trim()) {
    // A bot with credentials checks tokens; the Playground then signs in with the same app registration.
    playgroundArgs.push('--client-id', env.MicrosoftAppId.trim());
    if (env.MicrosoftAppPassword) playgroundArgs.push('--client-secret', env.MicrosoftAppPassword);
    if (env.MicrosoftAppTenantId?.trim()) playgroundArgs.push('--tenant-id', env.MicrosoftAppTenantId.trim());
  }
  const playground = spawn(process.execPath, [require.resolve('@microsoft/m365agentsplayground/cli.js'), ...playgroundArgs], {
    cwd: ROOT,
    // TEAMSAPPTESTER_BROWSER=none: do not try to open a browser (headless machines, CI).
    env: { ...env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });

  const children: Array<[ProcessName, ChildProcess]> = [['bot', bot], ['playground', playground]];
  const exits = children.map(
    ([name, child]) =>
      new Promise<ProcessExit>((resolve) => {
        child.on('exit', (code, signal) => resolve({ name, code, signal }));
        child.on('error', (err) => {
          onOutput(name, `could not start: ${err.message}`);
          resolve({ name, code: null, signal: null });
        });
      }),
  );
  const firstExit = Promise.race(exits);

  // The Playground falls back to another port when its port is taken and says which one it got.
  let playgroundPort = 0;
  const playgroundListening = new Promise<number>((resolve) => {
    pipeLines(playground, 'playground', (name, line) => {
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
      onOutput(name, line);
    });
  });
  pipeLines(bot, 'bot', onOutput);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const [, child] of children) killGroup(child, 'SIGTERM');
      const killLater = setTimeout(() => children.forEach(([, child]) => killGroup(child, 'SIGKILL')), 5000);
      await Promise.all(exits);
      clearTimeout(killLater);
    })());

  const died = firstExit.then(({ name, code, signal }) => {
    throw new Error(`${name} exited during start-up (${signal ?? `code ${code}`})`);
  });
  try {
    await Promise.race([
      Promise.all([
        waitForHttp(`http://127.0.0.1:${botPort}/healthz`, deadline, firstExit),
        withDeadline(playgroundListening, deadline, 'the Playground did not say which port it listens on').then(async (port) => {
          playgroundPort = port;
          await waitForHttp(`http://127.0.0.1:${port}/`, deadline, firstExit);
        }),
      ]),
      died,
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { playgroundUrl: `http://localhost:${playgroundPort}`, botEndpoint, firstExit, stop };
}

async function main(): Promise<void> {
  (await import('dotenv')).config({ quiet: true });
  const running = await startWithPlayground();
  console.log('');
  console.log(`Microsoft 365 Agents Playground: ${running.playgroundUrl}`);
  console.log(`Bot endpoint: ${running.botEndpoint}. Stop with Ctrl+C.`);
  console.log('');
  let stoppedBySignal = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stoppedBySignal = true;
      void running.stop();
    });
  }
  const exit = await running.firstExit;
  if (!stoppedBySignal) console.error(`[start] ${exit.name} stopped (${exit.signal ?? `code ${exit.code}`}); stopping the other process too.`);
  await running.stop();
  process.exitCode = stoppedBySignal ? 0 : 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`[start] ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  });
}
