// A report sent to the bot as a file, through the whole real bot: Teams' file download info (and the
// Playground's contentUrl) is fetched from a loopback server, taken into the data folder and answered in the
// sender's language; bad files get a clear message; with ADMIN_USER_IDS only admins may add reports; channels
// and group chats never take files in.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { startComposedBot, type RunningComposedBot } from '../helpers/composedBot';
import { channel, groupChat, personal, startFakeConnector, USER, type FakeConnector } from '../helpers/teamsBot';
import { copyOfSeeds, removeTempDirs, reportDatedAs, seedText, tempDir } from '../ingest/helpers';

const ADMIN_AAD = '11111111-2222-3333-4444-555555555555';

/** A file as Teams attaches it in a personal chat. */
function teamsFile(name: string, downloadUrl: string): NonNullable<Activity['attachments']>[number] {
  return { contentType: 'application/vnd.microsoft.teams.file.download.info', name, contentUrl: 'https://contoso.sharepoint.com/personal/x/' + name, content: { downloadUrl, uniqueId: '1', fileType: name.split('.').pop() } };
}

describe('composed bot: report files sent in a personal chat', function () {
  this.timeout(30_000);
  let connector: FakeConnector;
  let running: RunningComposedBot | undefined;
  let dataDir: string;
  const fileUrl = (name: string) => `${connector.serviceUrl}files/${encodeURIComponent(name)}`;
  const serve = (name: string, body: string | Buffer, status = 200) => {
    connector.files.set(`/files/${encodeURIComponent(name)}`, { body, status, headers: { 'content-type': 'application/octet-stream' } });
    return fileUrl(name);
  };
  /** The one reply a file message gets. */
  const send = async (activity: Partial<Activity>) => {
    const replies = await running!.ask(activity);
    assert.equal(replies.length, 1, JSON.stringify(replies));
    return replies[0].text!;
  };

  before(async () => {
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  after(async () => {
    await connector?.close();
    removeTempDirs();
  });

  async function start(env: NodeJS.ProcessEnv = {}) {
    dataDir = copyOfSeeds();
    running = await startComposedBot({ dataDir, stateDir: tempDir('lovp-state-'), env });
  }

  it('adds a new report (Teams download info), recognises it sent again, and replies in the sender\'s language', async () => {
    await start();
    const url = serve('LOVP 24 juni 2021.txt', reportDatedAs('24 juni 2021'));
    const added = await send(personal('', { attachments: [teamsFile('LOVP 24 juni 2021.txt', url)] }));
    assert.match(added, /^Nieuwe terugkoppeling toegevoegd: LOVP 24 juni 2021 \(\d+ onderwerpen, LOVP 24 juni 2021\.txt\)\.$/);
    assert.equal(running!.bot.library.meetings.length, 6);
    assert.ok(readdirSync(dataDir).includes('LOVP 24 juni 2021.txt'));
    assert.equal((await (await fetch(`${running!.url}/healthz`)).json()).meetings, 6, 'the index was swapped in');
    const again = await send(personal('', { locale: 'en-US', attachments: [teamsFile('copy.txt', url)] }));
    assert.match(again, /^Unchanged: LOVP 24 June 2021 is already known with this content/);
  });

  it('adds a file the Playground sends as contentUrl', async () => {
    await start();
    const url = serve('verslag-september.md', reportDatedAs('9 september 2021'));
    const reply = await send(personal('', { attachments: [{ contentType: 'text/markdown', contentUrl: url, name: 'verslag-september.md' }] }));
    assert.match(reply, /^Nieuwe terugkoppeling toegevoegd: LOVP 9 september 2021/);
  });

  it('refuses bad files with a clear message in the sender\'s language', async () => {
    await start({ MAX_UPLOAD_BYTES: '4096' });
    const noDate = serve('notities.txt', 'Aantekeningen\n\nGeen datum in de titel, wel wat tekst.');
    assert.match(await send(personal('', { attachments: [teamsFile('notities.txt', noDate)] })), /^notities\.txt: de titel bevat geen vergaderdatum/);
    assert.match(await send(personal('', { locale: 'en-US', attachments: [teamsFile('notities.txt', noDate)] })), /^notities\.txt: the title has no meeting date/);

    const big = serve('groot.txt', seedText());
    assert.match(await send(personal('', { attachments: [teamsFile('groot.txt', big)] })), /^groot\.txt is te groot \(\d+ KB\); de grens is 4 KB\.$/);

    const sheet = serve('cijfers.xlsx', 'PK\u0003\u0004');
    assert.match(await send(personal('', { attachments: [teamsFile('cijfers.xlsx', sheet)] })), /^cijfers\.xlsx is geen terugkoppeling die ik kan lezen: stuur een bestand van het type \.txt, \.md, \.pdf of \.docx\.$/);
    assert.ok(!connector.downloads.some((d) => d.includes('cijfers')), 'a file of the wrong type is not even fetched');

    const broken = serve('kapot.pdf', 'this is not a pdf');
    assert.match(await send(personal('', { attachments: [teamsFile('kapot.pdf', broken)] })), /^kapot\.pdf kan niet worden gelezen/);

    assert.match(await send(personal('', { attachments: [teamsFile('weg.txt', `${connector.serviceUrl}files/missing`)] })), /^weg\.txt kon niet worden opgehaald \(HTTP 404\)/);
    assert.match(await send(personal('', { attachments: [teamsFile('extern.txt', 'http://example.org/extern.txt')] })), /^extern\.txt kan ik niet ophalen: het adres is niet veilig/);
    assert.equal(running!.bot.library.meetings.length, 5, 'nothing was added');
    // A picture pasted with a question (Teams: image/* at contentUrl, no name) is a question, not a report.
    const picture = { contentType: 'image/*', contentUrl: `${connector.serviceUrl}files/picture` };
    assert.match(await send(personal('wat is er afgesproken over vuurwerk?', { attachments: [picture] })), /Jaarwisseling/);
    assert.match(await send(personal('', { attachments: [picture] })), /^picture is geen terugkoppeling die ik kan lezen/);
    assert.deepEqual(readdirSync(dataDir).sort(), readdirSync(copyOfSeeds()).sort(), 'refused files never land in the folder');
  });

  it('with ADMIN_USER_IDS, refuses a report from someone else and takes it from an admin', async () => {
    await start({ ADMIN_USER_IDS: ` ${ADMIN_AAD.toUpperCase()} , 29:other-admin` });
    const url = serve('LOVP 3 juni 2021.txt', reportDatedAs('3 juni 2021'));
    const refused = await send(personal('', { attachments: [teamsFile('LOVP 3 juni 2021.txt', url)] }));
    assert.match(refused, /^Alleen beheerders van de LOVP-bot kunnen nieuwe terugkoppelingen toevoegen/);
    assert.ok(!connector.downloads.some((d) => d.includes('3%20juni')), 'not fetched for a non-admin');
    assert.equal(running!.bot.library.meetings.length, 5);
    const admin = { ...USER, aadObjectId: ADMIN_AAD };
    assert.match(await send(personal('', { from: admin, attachments: [teamsFile('LOVP 3 juni 2021.txt', url)] })), /^Nieuwe terugkoppeling toegevoegd: LOVP 3 juni 2021/);
  });

  it('takes no files in a channel or group chat, says so, and still answers a question sent with the file', async () => {
    await start();
    const url = serve('LOVP 1 juli 2021.txt', reportDatedAs('1 juli 2021'));
    const attachments = [teamsFile('LOVP 1 juli 2021.txt', url)];
    assert.match(await send(channel('', '1699999999400', 'conversationId', { attachments })), /^Bestanden neem ik hier niet in\. Stuur een nieuwe terugkoppeling/);
    const replies = await running!.ask(groupChat('wat is er afgesproken over vuurwerk?', { attachments }));
    assert.equal(replies.length, 2);
    assert.match(replies[0].text!, /^Bestanden neem ik hier niet in/);
    assert.match(replies[1].text!, /Jaarwisseling/);
    assert.equal(running!.bot.library.meetings.length, 5);
  });
});
