// With app credentials set, /api/messages only takes requests that carry a valid Bot Framework token. The token
// keys come from a loopback OpenID endpoint (ToBotFromChannelOpenIdMetadataUrl), so the real botframework-connector validation runs:
// a token signed by the published key passes, a forged one (other key, wrong audience, none) gets 401.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { personal, startBot, type RunningBot } from '../helpers/teamsBot';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const ISSUER = 'https://api.botframework.com';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] } };
}

function token(key: { kid: string; privateKey: KeyObject }, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${part({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 600, ...claims })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key.privateKey).toString('base64url')}`;
}

describe('authentication with app credentials', () => {
  const published = keyPair('published-key');
  const stranger = keyPair('published-key'); // same kid, other key: a forgery
  let openId: http.Server;
  let bot: RunningBot;

  before(async () => {
    openId = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url?.startsWith('/keys') ? { keys: [published.jwk] } : { issuer: ISSUER, jwks_uri: `${base}/keys` }));
    });
    await new Promise<void>((resolve) => openId.listen(0, '127.0.0.1', () => resolve()));
    const metadata = `http://127.0.0.1:${(openId.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    bot = await startBot({ env: {
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret',
      ToBotFromChannelOpenIdMetadataUrl: metadata, ToBotFromChannelTokenIssuer: ISSUER,
    } });
  });
  after(async () => {
    await bot.close();
    await new Promise((resolve) => openId.close(resolve));
  });

  const send = (authorization?: string) => fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ deliveryMode: 'expectReplies', ...personal('wat is er afgesproken over vuurwerk?', { serviceUrl: SERVICE_URL }) }),
  });

  it('answers a request with a token signed by the published key', async () => {
    const res = await send(`Bearer ${token(published, {})}`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /vuurwerk/i);
  });

  it('refuses a request without a token with 401 and answers nothing', async () => {
    const res = await send();
    assert.equal(res.status, 401);
    assert.doesNotMatch(await res.text(), /vuurwerk/i);
  });

  it('refuses a token signed by another key, for another bot, or expired, with 401', async () => {
    for (const auth of [token(stranger, {}), token(published, { aud: 'another-bot' }), token(published, { exp: Math.floor(Date.now() / 1000) - 3600 })]) {
      const res = await send(`Bearer ${auth}`);
      assert.equal(res.status, 401);
    }
  });

  it('keeps serving after refused requests', async () => {
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
  });
});
