// The issue-14 features through the whole real bot (bot/composeBot.ts), where the index lives in a worker thread
// (bot/teams/offThreadIndex.ts): the timeline and the reports' own words for the reply language are asked there,
// the report pages are served from the library's meetings, and the compose-box search runs on the worker's answers.
import assert from 'node:assert/strict';
import { startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { citationsOf, personal } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

describe('composed bot: report pages, timeline, compose-box search and reply language over the index worker', function () {
  this.timeout(30_000);
  let running: RunningComposedBot;
  before(async () => {
    running = await startComposedBot({ dataDir: copyOfSeeds(), stateDir: tempDir('lovp-state-') });
  });
  after(async () => {
    await running?.stop();
    removeTempDirs();
  });

  it('an answer links to the report page of the running bot', async () => {
    const [reply] = await running.ask(personal('wat is er afgesproken over vuurwerk?'));
    const url = citationsOf(reply)[0].appearance.url;
    assert.ok(url.startsWith(`${running.url}/reports/`), url);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<mark>/);
  });

  it('"tijdlijn vuurwerk" is a card of the meetings oldest first, asked of the worker', async () => {
    const [reply] = await running.ask(personal('tijdlijn vuurwerk'));
    const card = reply.attachments![0].content as any;
    const urls = card.body.filter((e: any) => e.selectAction).map((e: any) => e.selectAction.url.split('?')[0]);
    assert.deepEqual(urls, [`${running.url}/reports/2019-04-15`, `${running.url}/reports/2020-02-10`, `${running.url}/reports/2020-11-23`]);
    assert.match(JSON.stringify(card), /Openstaande punten over dit onderwerp \(\d+\)/);
  });

  it('a report word the word lists lack is told Dutch by the worker\'s index, on an en-US client', async () => {
    const [reply] = await running.ask(personal('veiligheidsbeeld', { locale: 'en-US' }));
    assert.match(reply.text!, /^Dit staat erover in de bestuurlijke terugkoppeling/);
  });

  it('the compose-box search lists the sections the worker finds', async () => {
    const { text: _text, ...base } = personal('');
    const { status, body } = await running.post({ ...base, type: 'invoke', name: 'composeExtension/query', serviceUrl: 'http://127.0.0.1:9/', value: { commandId: 'searchReports', parameters: [{ name: 'topic', value: 'bodycams' }] } });
    assert.equal(status, 200);
    assert.equal(body.composeExtension.attachments[0].preview.content.title, 'Implementatie Bodycams');
  });
});
