// Renders the summary card with the adaptivecards renderer in headless Debian chromium, the way a Teams-like
// host draws it, and keeps a screenshot: test-output/summary-card.png. (The Playground test shows it in the
// real Teams emulator once the bot posts cards there.)
import { pendingItem } from './pendingItems';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { summaryCard } from '../../bot/cards/summaryCard';
import { loadReports } from '../../bot/ingest/loadReports';
import { projectDir, seedDir } from '../ingest/helpers';
import { renderCard } from './renderCard';

const SCREENSHOT = path.join(projectDir, 'test-output', 'summary-card.png');

describe('summary card rendered in headless chromium (browser test)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  after(async () => browser?.close());

  it('draws title, sections, pending items and both buttons; the ask button opens the question box', async () => {
    const meeting = (await loadReports(seedDir)).meetings.find((m) => m.date === '2020-02-10')!;
    const card = summaryCard(meeting, {
      pending: [
        pendingItem({ text: 'Afgesproken is dat in september dit onderwerp nogmaals wordt geagendeerd.', due: '2020-09', owner: 'minister' }),
        pendingItem({ text: 'Het rapport over de inzetbaarheid wordt besproken in het volgende LOVP.', due: null, owner: 'korpschef' }),
      ],
    });
    const rendered = await renderCard(card);
    browser = rendered.browser;
    const page = rendered.page;
    assert.deepEqual(rendered.problems, []);

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
