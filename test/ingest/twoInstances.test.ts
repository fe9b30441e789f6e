// Issue 13: reports shared by instances. Two real bots (index.ts, each its own process, loopback port, CACHE_DIR
// and DATA_DIR) on one Azure Blob storage container (Azurite, started here). A report sent as a file to one of
// them is answered by the other, which sees it by listing the container (REPORT_POLL_SECONDS), and its summary
// reaches the subscribed conversation exactly once across both: the fake Bot Connector on loopback counts the
// proactive posts. Waits on conditions with generous bounds, never on a fixed sleep.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { ContainerClient } from '@azure/storage-blob';
import { REPORTS_PREFIX } from '../../bot/ingest/blobReportStore';
import { startChildBot, type ChildBot } from '../helpers/childBot';
import { cardsSent } from '../helpers/composedBot';
import { rawGet, rawPost } from '../helpers/rawRequest';
import { personal, startFakeConnector, type FakeConnector } from '../helpers/teamsBot';
import { startAzurite, type Azurite } from '../state/azurite';
import { copyOfSeeds, removeTempDirs, tempDir, waitUntil } from './helpers';

const CONTAINER = 'lovp-two-instances';

/** A report no seed talks about, so only the new meeting can answer for it. */
const NEW_REPORT = [
  'Bestuurlijke terugkoppeling LOVP 24 juni 2021',
  '',
  'Hittegolf en evenementen',
  'De minister en de regioburgemeesters bespreken de hittegolf van de afgelopen week. Afgesproken wordt dat de',
  'veiligheidsregio\'s voor de zomer een gezamenlijk hitteplan voor grote evenementen opstellen.',
  '',
  'Zonnepanelen op kazernes',
  'Het LOVP neemt kennis van de proef met zonnepanelen op brandweerkazernes en vraagt om een evaluatie in het najaar.',
  '',
].join('\n');

async function ask(bot: ChildBot, activity: Partial<Activity>): Promise<string> {
  const r = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ deliveryMode: 'expectReplies', ...activity })), 60_000);
  assert.equal(r.status, 200, JSON.stringify(r).slice(0, 300));
  return (r.body.activities as Partial<Activity>[]).map((a) => a.text ?? '').join('\n');
}

async function meetingsOf(bot: ChildBot): Promise<number> {
  return (await rawGet(`${bot.url}/healthz`, 30_000)).body?.meetings ?? -1;
}

/** Checks `check` every 100 ms until it holds (an async waitUntil). */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two bot instances sharing the reports in Azure Blob storage (Azurite)', function () {
  this.timeout(240_000);
  let azurite: Azurite | undefined;
  let connector: FakeConnector | undefined;
  const bots: ChildBot[] = [];
  after(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await connector?.close();
    await azurite?.stop();
    removeTempDirs();
  });

  it('a report sent to one is answered by the other and announced exactly once', async () => {
    azurite = await startAzurite();
    connector = await startFakeConnector();
    const dataDirs = [copyOfSeeds(), copyOfSeeds()];
    const env = (i: number): NodeJS.ProcessEnv => ({
      AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
      AZURE_STORAGE_CONTAINER: CONTAINER,
      DATA_DIR: dataDirs[i],
      STATE_DIR: tempDir('lovp-unused-state-'),
      CACHE_DIR: tempDir(`lovp-cache-${i}-`),
      REPORT_POLL_SECONDS: '1',
    });
    // Both start at once on a new container: both try to seed it from their DATA_DIR, each file lands once. The one
    // that loses the race for a file may list the container before the winner's upload is in it: it holds that
    // report from its next listing (REPORT_POLL_SECONDS) on.
    const [one, other] = await Promise.all([startChildBot(env(0), { timeoutMs: 120_000 }), startChildBot(env(1), { timeoutMs: 120_000 })]);
    bots.push(one, other);
    await until(async () => (await meetingsOf(one)) === 5 && (await meetingsOf(other)) === 5, 30_000, 'both instances to hold the five seeds');

    const serviceUrl = connector.serviceUrl;
    assert.match(await ask(one, personal('abonneer', { serviceUrl })), /^Geabonneerd: dit gesprek/);

    connector.files.set('/files/LOVP-24-juni-2021.txt', { body: NEW_REPORT });
    const file = {
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: 'LOVP 24 juni 2021.txt',
      contentUrl: 'https://contoso.sharepoint.com/personal/x/LOVP 24 juni 2021.txt',
      content: { downloadUrl: `${serviceUrl}files/LOVP-24-juni-2021.txt`, uniqueId: '1', fileType: 'txt' },
    };
    const uploaded = Date.now();
    assert.match(await ask(one, personal('', { serviceUrl, attachments: [file] })), /^Nieuwe terugkoppeling toegevoegd: LOVP 24 juni 2021 \(2 onderwerpen, LOVP 24 juni 2021\.txt\)\.$/);
    const replied = Date.now();

    // The other instance lists the container, reads the new blob and answers from its new index.
    await until(async () => (await meetingsOf(other)) === 6, 60_000, 'the other instance to hold the new report');
    const answer = await ask(other, personal('wat is er afgesproken over de hittegolf?', { serviceUrl }));
    const answered = Date.now();
    assert.match(answer, /24 juni 2021/, answer);
    assert.match(answer, /hitteplan/, answer);

    // Announced once: by whichever instance claimed it in the shared ledger.
    await waitUntil(() => cardsSent(connector!).length >= 1, 60_000, 'the summary card');
    // Stopping lets an announcement in progress finish: after it no instance can post any more.
    await Promise.all(bots.map((b) => b.stop()));
    const cards = cardsSent(connector);
    assert.equal(cards.length, 1, `exactly one card: ${cards.map((c) => c.card.body?.[1]?.text).join(', ')}`);
    assert.equal(cards[0].card.body[1].text, 'Bestuurlijke terugkoppeling LOVP 24 juni 2021');
    const posters = bots.filter((b) => /summary of 2021-06-24 posted to 1 conversation/.test(b.output()));
    assert.equal(posters.length, 1, 'one instance posted it');

    // It went to the container, not to the folder of the instance that took it in.
    const names: string[] = [];
    for await (const blob of new ContainerClient(azurite.connectionString, CONTAINER).listBlobsFlat({ prefix: REPORTS_PREFIX })) names.push(blob.name);
    assert.equal(names.length, 6, names.join(', '));
    assert.ok(names.includes(`${REPORTS_PREFIX}LOVP 24 juni 2021.txt`));
    assert.equal(readdirSync(dataDirs[0]).length, 5);
    console.log(`      (upload reply ${replied - uploaded} ms; the other instance answered ${answered - replied} ms after it, REPORT_POLL_SECONDS=1)`);
  });
});
