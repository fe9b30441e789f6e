// Load: a fixed number of real questions from concurrent connections on loopback, against the bot in a process of
// its own. Every request must get a 200 with an answer, and the bot must still be serving afterwards. The count and
// the concurrency are bounded so that this holds on a busy 2-core machine; throughput is measured by `npm run bench`
// (bench/throughput.ts), as a ratio to an echo bot on the same server.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { personal } from '../helpers/teamsBot';

const QUESTIONS = ['wat is er afgesproken over vuurwerk?', 'what was agreed about fireworks?', 'bodycams privacy', 'Elfstedentocht', "BOA's art. 4:"];
const CONNECTIONS = 10;
const REQUESTS = 500;

/** An expectReplies response that carries the bot's answer message. */
function isAnswer(body: string | Buffer | undefined): boolean {
  try {
    const activities = JSON.parse(String(body)).activities;
    return Array.isArray(activities) && activities.length === 1 && activities[0].type === 'message' && activities[0].text.length > 0;
  } catch {
    return false;
  }
}

describe(`load: ${REQUESTS} questions over ${CONNECTIONS} connections`, function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let url: string;

  before(async () => {
    // The same node options as this process (tsx, and DEP0111 off: see the README's install notes).
    child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'serveBot.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /LISTENING (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`bot exited with ${code}`)));
    });
  });
  after(() => { child.kill('SIGTERM'); });

  it('answers every request without errors and keeps serving', async () => {
    let i = 0;
    const result = await autocannon({
      url: `${url}/api/messages`,
      connections: CONNECTIONS,
      amount: REQUESTS,
      timeout: 30, // seconds per request: a busy machine is slow, never silent
      verifyBody: isAnswer,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ deliveryMode: 'expectReplies', ...personal(QUESTIONS[i++ % QUESTIONS.length]) }) }),
      }],
    });
    assert.equal(result.errors, 0, 'connection errors');
    assert.equal(result.timeouts, 0, 'timeouts');
    assert.equal(result.non2xx, 0, 'non-2xx responses');
    assert.equal(result.mismatches, 0, 'responses without an answer');
    assert.equal(result['2xx'], REQUESTS, 'every request answered');
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(child.exitCode, null, 'the bot process is still running');
  });
});
