// With app credentials set, /api/messages only takes requests that carry a valid Bot Framework token. The token
// keys come from a loopback OpenID endpoint (ToBotFromChannelOpenIdMetadataUrl), so the real botframework-connector validation runs:
// a token signed by the published key passes, a forged one (other key, wrong audience, none) gets 401.
import assert from 'node:assert/strict';
import { keyPair, SERVICE_URL, startOpenIdEndpoint, token, type OpenIdEndpoint } from '../helpers/botToken';
import { personal, startBot, type RunningBot } from '../helpers/teamsBot';

describe('authentication with app credentials', () => {
  const published = keyPair('published-key');
  const stranger = keyPair('published-key'); // same kid, other key: a forgery
  let openId: OpenIdEndpoint;
  let bot: RunningBot;

  before(async () => {
    openId = await startOpenIdEndpoint(published);
    bot = await startBot({ env: openId.env });
  });
  after(async () => {
    await bot.close();
    await openId.close();
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
