// Load: 100 concurrent connections for 10 s of real questions on loopback. Every request must get a 200 with an
// answer, and the bot must still be serving afterwards.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { personal } from '../helpers/teamsBot';

const QUESTIONS = ['wat is er afgesproken over vuurwerk?', 'what was agreed about fireworks?', 'bodycams privacy', 'Elfstedentocht', "BOA's art. 4:"];

describe('load: 100 connections for 10 s', function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let url: string;

  before(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'serveBot.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
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
      connections: 100,
      duration: 10,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ deliveryMode: 'expectReplies', ...personal(QUESTIONS[i++ % QUESTIONS.length]) }) }),
      }],
    });
    console.log(`      ${result.requests.total} requests, ${result.requests.average} req/s, latency p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms`);
    assert.equal(result.errors, 0, 'connection errors');
    assert.equal(result.timeouts, 0, 'timeouts');
    assert.equal(result.non2xx, 0, 'non-2xx responses');
    assert.ok(result.requests.total > 1000, `only ${result.requests.total} requests in 10 s`);
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(child.exitCode, null, 'the bot process is still running');
  });
});
