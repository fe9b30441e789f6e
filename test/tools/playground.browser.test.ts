// Drives the real Microsoft 365 Agents Playground web page in headless Chromium (test/helpers/chromium.ts): the bot and the
// Playground are started exactly as `npm start` does, a person's question is typed into the chat box and the
// cited answer is read off the page. Screenshot: test-output/playground-answer.png. Then "samenvatting" brings the
// summary Adaptive Card, rendered by the Playground (test-output/playground-summary-card.png); its "Openstaande
// punten" button and an "Afgehandeld" button go through Action.Execute (test-output/playground-pending-card.png).
// Clicking the citation's link opens the report page the bot serves, at the cited section with the quote marked
// (test-output/playground-citation-page.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startWithPlayground, type RunningPlayground } from '../../bot/tools/startWithPlayground';
import { launchChromium } from '../helpers/chromium';
import { copyOfSeeds, removeTempDirs, tempDir } from '../ingest/helpers';

const SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'playground-answer.png');
const CARD_SCREENSHOT = path.join(__dirname, '..', '..', 'test-output', 'playground-summary-card.png');
const QUESTION = 'wat is er afgesproken over vuurwerk?';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Hovers the citation marker and reads the citation card it opens. The card closes when the marker moves away
 * from under the mouse, which it does while a busy machine is still laying out the reply; so the text is read in
 * the same moment the card is found, and the hover repeated (for at most 20 s) until it is.
 */
async function citationCardText(page: Page, marker: Locator): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await marker.hover();
    const found = await page.waitForFunction(() => [...document.querySelectorAll('[role="dialog"]')].map((d) => (d as HTMLElement).innerText)
      .find((text) => text.includes('Jaarwisseling')), undefined, { timeout: 3_000 }).then((handle) => handle.jsonValue(), () => undefined);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('hovering citation [1] opened no citation card about Jaarwisseling');
  }
}

describe('Agents Playground in headless Chromium (browser test)', function () {
  this.timeout(60_000);
  let running: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const output: string[] = [];

  before(async () => {
    // Its own copy of the seed reports and its own state: never the working data/ and state/ folders.
    const stateDir = tempDir('lovp-playground-state-');
    running = await startWithPlayground({
      botPort: await freePort(),
      playgroundPort: await freePort(),
      env: {
        ...process.env,
        MicrosoftAppId: '', // local mode, whatever a developer's .env says
        DATA_DIR: copyOfSeeds(),
        STATE_DIR: stateDir,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(stateDir, 'playground.log'),
      },
      onOutput: (name, line) => output.push(`[${name}] ${line}`),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The page asks a CDN for fonts and animations; only loopback is reachable, so fail those at once.
    await page.route('**/*', (route) => (['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(`bot and Playground output:\n${output.slice(-40).join('\n')}`);
  });

  after(async () => {
    await browser?.close();
    await running?.stop();
    removeTempDirs();
  });

  it('answers "wat is er afgesproken over vuurwerk?" with a cited Jaarwisseling quote', async () => {
    await page.goto(running!.playgroundUrl, { waitUntil: 'domcontentloaded' });
    const chatBox = page.getByRole('textbox');
    await chatBox.click();
    await page.keyboard.type(QUESTION);
    await page.keyboard.press('Enter');

    // The reply names each meeting and section in bold, e.g. "LOVP 10 februari 2020 – Jaarwisseling".
    const heading = page.getByText(/^LOVP \d{1,2} \w+ \d{4} – Jaarwisseling$/).first();
    await heading.waitFor({ timeout: 20_000 });

    // Teams shows citations as numbered buttons only when the reply carries the citation entity; without it
    // the markers stay plain "[1]" text.
    const marker = page.getByRole('button', { name: '1', exact: true });
    const markerCount = await marker.count();
    assert.equal(markerCount, 1, markerCount === 0 ? 'citation [1] is plain text: the reply reached the Playground without its citation entity' : 'one citation 1');
    const quoteWithMarker = page.locator('p').filter({ has: marker });
    assert.match(await quoteWithMarker.innerText(), /vuurwerk/i, 'the quote cited as [1] is about vuurwerk');
    assert.equal(await page.getByText('AI generated').count(), 0, 'verbatim quotes carry no "AI generated" label');

    // Hovering the marker opens the citation card: its title is the meeting and section, its text the quote.
    const cardText = await citationCardText(page, marker);
    assert.match(cardText, /LOVP \d{1,2} \w+ \d{4} – Jaarwisseling/);
    assert.match(cardText, /vuurwerk/i);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' }); // the card fades in
  });

  it('the citation opens the report page at the cited section, the quoted sentences marked', async () => {
    const marker = page.getByRole('button', { name: '1', exact: true }).first();
    await citationCardText(page, marker);
    const link = page.locator('[role="dialog"] a[href*="/reports/"]').first();
    const [report] = await Promise.all([page.context().waitForEvent('page', { timeout: 10_000 }), link.click()]);
    await report.waitForLoadState('domcontentloaded');
    const url = new URL(report.url());
    assert.equal(url.pathname, '/reports/2020-02-10');
    assert.equal(url.hash, '#jaarwisseling');
    const section = report.locator('section#jaarwisseling.cited');
    await section.waitFor({ timeout: 10_000 });
    // The anchor brought the section into view: it starts within the window, and the page scrolled to it.
    const { top, height } = await section.evaluate((e) => ({ top: e.getBoundingClientRect().top, height: window.innerHeight }));
    assert.ok(top >= 0 && top < height / 2, `section top at ${top} px of ${height}`);
    assert.ok(await report.evaluate(() => window.scrollY > 0), 'scrolled past the first sections');
    const marked = await section.locator('mark').allInnerTexts();
    assert.ok(marked.length >= 1 && marked.some((m) => /vuurwerk/i.test(m)), marked.join(' | '));
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await report.screenshot({ path: path.join(path.dirname(SCREENSHOT), 'playground-citation-page.png') });
    await report.close();
  });

  it('renders the summary Adaptive Card for "samenvatting"; its buttons list the pending items and mark one done', async () => {
    const chatBox = page.getByRole('textbox');
    await chatBox.click();
    await page.keyboard.type('samenvatting');
    await page.keyboard.press('Enter');

    // The latest seed meeting; the card's title, its kicker and its two buttons are drawn by the Playground.
    const title = page.getByText('Bestuurlijke terugkoppeling LOVP 23 november 2020', { exact: true }).last();
    await title.waitFor({ timeout: 20_000 });
    await page.getByText('Samenvatting na het LOVP').last().waitFor({ timeout: 5_000 });
    await page.getByText('Roosterdruk', { exact: true }).last().waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Openstaande punten' }).last().waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Stel een vraag' }).last().waitFor({ timeout: 5_000 });
    // A tall window so the whole card fits, then a picture of just the card.
    await page.setViewportSize({ width: 1280, height: 2600 });
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Bestuurlijke terugkoppeling LOVP 23 november 2020' }).last();
    await card.scrollIntoViewIfNeeded();
    assert.match(await card.innerText(), /Openstaande punten uit dit overleg[\s\S]*•/, 'the pending items of the meeting are on the card');
    mkdirSync(path.dirname(CARD_SCREENSHOT), { recursive: true });
    await card.screenshot({ path: CARD_SCREENSHOT, animations: 'disabled' });

    // Its "Openstaande punten" button (Action.Execute) brings the pending-items card in its place.
    await card.getByRole('button', { name: 'Openstaande punten' }).click();
    const count = page.getByText(/^\d+ openstaande punten$/).last();
    await count.waitFor({ timeout: 10_000 });
    const before = Number((await count.innerText()).split(' ')[0]);
    // "Afgehandeld" on the first item: the list comes back without it, saying what was marked done.
    await page.getByRole('button', { name: 'Afgehandeld' }).first().click();
    await page.getByText(`${before - 1} openstaande punten`, { exact: true }).last().waitFor({ timeout: 10_000 });
    await page.getByText(/^Afgehandeld: .+\.$/).last().waitFor({ timeout: 5_000 });
    await page.screenshot({ path: path.join(path.dirname(CARD_SCREENSHOT), 'playground-pending-card.png'), animations: 'disabled' });
  });
});
