// Renders the summary card with the adaptivecards renderer in headless Chromium (test/helpers/chromium.ts), the way a Teams-like
// host draws it, and keeps a screenshot: test-output/summary-card.png. (The Playground test shows it in the
// real Teams emulator once the bot posts cards there.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { summaryCard } from '../../bot/cards/summaryCard';
import { loadCorpus } from '../../bot/corpus/loadCorpus';
import { launchChromium } from '../helpers/chromium';
import { projectDir, seedDir } from '../ingest/helpers';

const SCREENSHOT = path.join(projectDir, 'test-output', 'summary-card.png');

describe('summary card rendered in headless Chromium (browser test)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  after(async () => browser?.close());

  it('draws title, sections, pending items and both buttons; the ask button opens the question box', async () => {
    const meeting = (await loadCorpus(seedDir)).meetings.find((m) => m.date === '2020-02-10')!;
    const card = summaryCard(meeting, {
      pending: [
        { text: 'Afgesproken is dat in september dit onderwerp nogmaals wordt geagendeerd.', due: '2020-09', owner: 'minister' },
        { text: 'Het rapport over de inzetbaarheid wordt besproken in het volgende LOVP.', due: null, owner: 'korpschef' },
      ],
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') || route.request().url() === 'about:blank' ? route.continue() : route.abort()));
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#f5f5f5;font-family:\'Segoe UI\',\'Liberation Sans\',sans-serif"><div id="card" style="width:720px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
    const errors = await page.evaluate((json) => {
      const AC = (window as any).AdaptiveCards;
      const adaptive = new AC.AdaptiveCard();
      // Colours and spacing close to Teams' light theme.
      adaptive.hostConfig = new AC.HostConfig({
        fontFamily: "'Segoe UI', 'Liberation Sans', sans-serif",
        containerStyles: { default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' } } } },
        actions: { actionsOrientation: 'Horizontal', buttonSpacing: 8, showCard: { actionMode: 'Inline' } },
      });
      const context = new AC.SerializationContext();
      adaptive.parse(json, context);
      const rendered = adaptive.render();
      document.getElementById('card')!.appendChild(rendered);
      const problems: string[] = [];
      for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
      return problems;
    }, card as unknown as Record<string, unknown>);
    assert.deepEqual(errors, []);

    const text = await page.locator('#card').innerText();
    assert.match(text, /Bestuurlijke terugkoppeling LOVP 10 februari 2020/);
    assert.match(text, /Vergadering van 10 februari 2020 · 9 onderwerpen/);
    for (const section of meeting.sections) assert.ok(text.includes(section.heading), section.heading);
    assert.match(text, /Afgesproken is dat in september dit onderwerp nogmaals wordt geagendeerd/);
    assert.match(text, /minister · uiterlijk september 2020/);
    await page.getByRole('button', { name: 'Openstaande punten' }).waitFor();
    await page.getByRole('button', { name: 'Stel een vraag' }).click();
    await page.getByPlaceholder('Bijv. wat is er afgesproken over vuurwerk?').fill('wat is er afgesproken over vuurwerk?');
    await page.getByRole('button', { name: 'Vraag', exact: true }).waitFor();

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#card').screenshot({ path: SCREENSHOT });
    assert.ok(existsSync(SCREENSHOT));
  });
});
