// Renders the summary card with the adaptivecards renderer in headless Chromium, the way a Teams-like host draws
// it: for every seed report with its own pending items the card fits one screen until "Toon alles" shows the rest,
// and "Toon minder" folds it again. Screenshots: test-output/summary-card.png (as posted) and
// test-output/summary-card-all.png (after "Toon alles"). (The Playground test shows it in the Teams emulator.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { summaryCard } from '../../bot/cards/summaryCard';
import { loadReports } from '../../bot/ingest/loadReports';
import type { Meeting } from '../../bot/corpus/meeting';
import { extractPending } from '../../bot/pending/extractPending';
import { projectDir, seedDir } from '../ingest/helpers';
import { renderCard } from './renderCard';

const SCREENSHOT = path.join(projectDir, 'test-output', 'summary-card.png');
const SCREENSHOT_ALL = path.join(projectDir, 'test-output', 'summary-card-all.png');
/** One screen: what a Teams chat shows of a message on a laptop (1080p, Teams' header and compose box taken off). */
const ONE_SCREEN_PX = 800;

const cardHeight = (page: Page) => page.locator('#card').evaluate((e) => Math.round(e.getBoundingClientRect().height));

describe('summary card rendered in headless chromium (browser test)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let meetings: Meeting[];
  before(async () => {
    meetings = (await loadReports(seedDir)).meetings;
  });
  after(async () => browser?.close());

  it('fits one screen for every seed report with its pending items; Toon alles shows every section, Toon minder folds them', async () => {
    const heights: string[] = [];
    for (const meeting of meetings) {
      const rendered = await renderCard(summaryCard(meeting, { pending: extractPending(meeting) }), undefined, browser);
      browser = rendered.browser;
      const { page } = rendered;
      assert.deepEqual(rendered.problems, [], meeting.date);
      const folded = await cardHeight(page);
      assert.ok(folded <= ONE_SCREEN_PX, `${meeting.date}: ${folded} px`);
      await page.getByRole('button', { name: 'Toon alles' }).click();
      const text = await page.locator('#card').innerText();
      for (const section of meeting.sections) assert.ok(text.includes(section.heading), `${meeting.date}: ${section.heading} after Toon alles`);
      const all = await cardHeight(page);
      await page.getByRole('button', { name: 'Toon minder' }).click();
      assert.equal(await cardHeight(page), folded, 'folded again');
      heights.push(`${meeting.date} (${meeting.sections.length} sections): ${folded} px, ${all} px with all`);
      await page.close();
    }
    console.log(`      ${heights.join('\n      ')}`);
  });

  it('draws title, sections, a question with its answer, pending items by date and both buttons; the ask button opens the question box', async () => {
    const meeting = meetings.find((m) => m.date === '2020-11-23')!;
    const rendered = await renderCard(summaryCard(meeting, { pending: extractPending(meeting) }), undefined, browser);
    browser = rendered.browser;
    const page = rendered.page;
    assert.deepEqual(rendered.problems, []);

    const text = await page.locator('#card').innerText();
    assert.match(text, /Bestuurlijke terugkoppeling LOVP 23 november 2020/);
    assert.match(text, /Vergadering van 23 november 2020 · 8 onderwerpen/);
    assert.match(text, /Openstaand · uiterlijk april 2021/, 'the Bewaken en beveiligen item stands under its key sentence');
    assert.match(text, /Openstaande punten uit dit overleg \(\d+\)/);
    assert.doesNotMatch(text, /Jaarwisseling/, 'the fifth section waits behind Toon alles');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.locator('#card').screenshot({ path: SCREENSHOT });

    await page.getByRole('button', { name: 'Toon alles' }).click();
    const all = await page.locator('#card').innerText();
    assert.match(all, /gevraagd of het voorhanden hebben van vuurwerk ook onder het verbod zal vallen\. De minister heeft dit bevestigd\./);
    assert.match(all, /volgend LOVP \(datum volgt\)/);
    assert.doesNotMatch(all, /geen datum · LOVP|LOVP · geen datum/);
    await page.locator('#card').screenshot({ path: SCREENSHOT_ALL });

    await page.getByRole('button', { name: 'Openstaande punten' }).waitFor();
    await page.getByRole('button', { name: 'Stel een vraag' }).click();
    await page.getByPlaceholder('Bijv. wat is er afgesproken over vuurwerk?').fill('wat is er afgesproken over vuurwerk?');
    await page.getByRole('button', { name: 'Vraag', exact: true }).waitFor();
    assert.ok(existsSync(SCREENSHOT) && existsSync(SCREENSHOT_ALL));
  });
});
