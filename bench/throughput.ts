// Throughput under concurrent load: autocannon keeps `connections` requests in flight for `seconds` against the
// bot's /api/messages and against the echo floor on the same server (probes/throughputServer, a process of its
// own), in alternating rounds so both see the same machine load. Every response is checked to carry a reply.
// The test suite only checks that a bounded load is answered without errors (test/hardening/load.test.ts);
// how many answers per second the machine manages is a figure, reported here as a ratio to the echo floor.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { personalMessage, postActivity } from './activities';
import { median } from './stats';

export interface RouteLoad {
  /** Completed requests per second (median over the rounds). */
  perSecond: number;
  p50: number;
  p99: number;
  /** Summed over the rounds. */
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx responses without a reply message. */
  withoutReply: number;
}

export interface Throughput {
  connections: number;
  seconds: number;
  rounds: number;
  bot: RouteLoad;
  echo: RouteLoad;
}

const hasReply = (body: string | Buffer | undefined) => {
  try {
    return JSON.parse(String(body)).activities?.[0]?.type === 'message';
  } catch {
    return false;
  }
};

async function load(url: string, questions: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    verifyBody: hasReply,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify(personalMessage(questions[i++ % questions.length])) }) }],
  });
  // The requests still in flight when the clock stopped are still being answered; one more request, queued behind
  // them, returns when the server is idle again, so the next round does not start on this round's backlog.
  await postActivity(url, personalMessage(questions[0]));
  return result;
}

function summarise(results: autocannon.Result[]): RouteLoad {
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((total, r) => total + f(r), 0);
  return {
    perSecond: median(results.map((r) => r.requests.average)),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    requests: sum((r) => r.requests.total),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    withoutReply: sum((r) => r.mismatches),
  };
}

export async function measureThroughput(server: { args: string[]; env: NodeJS.ProcessEnv; cwd: string }, questions: string[], options: { connections: number; seconds: number; rounds: number }): Promise<Throughput> {
  const child = spawn(process.execPath, server.args, { cwd: server.cwd, env: server.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  try {
    const port = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('READY') && resolve(line.split(' ')[1]));
      child.on('exit', (code) => reject(new Error(`throughput server exited (${code}) before READY: ${stderr.slice(-2000)}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    await load(`${base}/api/messages`, questions, options.connections, 1); // warm-up: connections, JIT, caches
    const bot: autocannon.Result[] = [];
    const echo: autocannon.Result[] = [];
    for (let round = 0; round < options.rounds; round++) {
      echo.push(await load(`${base}/bench/echo`, questions, options.connections, options.seconds));
      bot.push(await load(`${base}/api/messages`, questions, options.connections, options.seconds));
    }
    return { ...options, bot: summarise(bot), echo: summarise(echo) };
  } finally {
    child.kill();
  }
}
