import assert from 'node:assert/strict';
import { personal, startBot, TENANT, type RunningBot } from '../helpers/teamsBot';

describe('tenant allow-list (ALLOWED_TENANT_IDS)', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ env: { ALLOWED_TENANT_IDS: ` ${TENANT.id.toUpperCase()} , 00000000-0000-0000-0000-0000000000bb` } });
  });
  after(() => bot.close());

  it('answers users of a listed tenant (ids compared without case)', async () => {
    const r = await bot.post(personal('wat is er afgesproken over vuurwerk?'));
    assert.equal(r.status, 200);
    assert.match(String(r.replies[0]?.text), /vuurwerk/i);
  });

  it('refuses other tenants and activities without a tenant with 403 and no reply', async () => {
    const other = { id: '99999999-0000-0000-0000-000000000000' };
    for (const activity of [
      personal('vuurwerk', { channelData: { tenant: other }, conversation: { id: 'a:x', conversationType: 'personal', tenantId: other.id } as any }),
      personal('vuurwerk', { channelData: {}, conversation: { id: 'a:x', conversationType: 'personal' } as any }),
    ]) {
      const r = await bot.post(activity);
      assert.equal(r.status, 403);
      assert.deepEqual(r.replies, []);
    }
  });
});
