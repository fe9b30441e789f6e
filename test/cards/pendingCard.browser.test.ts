// The pending-items card rendered in headless chromium: the groups with their headers, the overdue mark, an item
// discussed again with its quote and "Sluiten als afgehandeld", the full text on request, the confirmation with
// "Heropenen", and the folded older items that unfold on a click. Screenshots: test-output/pending-card.png
// (unfolded) and test-output/pending-card-undo.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { pendingCard } from '../../bot/cards/pendingCard';
import { projectDir } from '../ingest/helpers';
import { renderCard } from './renderCard';
import { sample } from './pendingSample';

const OUT = path.join(projectDir, 'test-output');

describe('pending-items card rendered in headless chromium (browser test)', function () {
  this.timeout(60_000);
  const browsers: Browser[] = [];
  after(async () => Promise.all(browsers.map((b) => b.close())));

  it('draws the groups, marks what is overdue, quotes a discussion, unfolds the text and the older items', async () => {
    const { browser, page, problems } = await renderCard(pendingCard(sample, { language: 'nl', today: '2021-03-15' }), { width: 760, height: 1400 });
    browsers.push(browser);
    assert.deepEqual(problems, []);
    const card = page.locator('#card');
    const text = await card.innerText();
    for (const header of ['Over de datum (1)', 'Binnen 30 dagen (1)', 'Later (1)', 'Zonder datum (1)']) assert.ok(text.includes(header), header);
    // In the order of the groups.
    const at = (s: string) => text.indexOf(s);
    assert.ok(at('Over de datum (1)') < at('Binnen 30 dagen (1)') && at('Binnen 30 dagen (1)') < at('Later (1)') && at('Later (1)') < at('Zonder datum (1)'));
    assert.ok(text.includes('Over de datum (uiterlijk februari 2021)'));
    const mark = page.getByText('Over de datum (uiterlijk februari 2021)');
    assert.equal(await mark.evaluate((el) => getComputedStyle(el).color), 'rgb(196, 49, 75)', 'the overdue mark in the attention colour');
    assert.ok(text.includes('korpschef · LOVP 8 februari 2021 · Roosterdruk'));
    assert.ok(text.includes('Weer besproken in het LOVP 12 april 2021 (Roosterdruk)') && text.includes('“Het plan is gepresenteerd; de vakbonden zijn akkoord.”'));
    await page.getByRole('button', { name: 'Sluiten als afgehandeld' }).waitFor();

    // Folded: the old undated item and the full texts.
    assert.ok(!(await page.getByText('Het onderwerp komt terug op de agenda.').isVisible()));
    await page.getByRole('button', { name: 'Oudere punten (1)' }).click();
    await page.getByText('Het onderwerp komt terug op de agenda.').waitFor({ state: 'visible' });
    assert.ok(await page.getByText('geen datum · LOVP 15 april 2019 · Diversiteit').isVisible());
    const full = page.getByText('Het landelijke plan wordt besproken. In september komt het plan terug in het LOVP.');
    assert.ok(!(await full.isVisible()));
    await page.getByRole('button', { name: 'Tekst' }).first().click();
    await full.waitFor({ state: 'visible' });

    mkdirSync(OUT, { recursive: true });
    await card.screenshot({ path: path.join(OUT, 'pending-card.png') });
    assert.ok(existsSync(path.join(OUT, 'pending-card.png')));
  });

  it('after Afgehandeld: the confirmation names the item and offers Heropenen (English too)', async () => {
    const notice = 'Afgehandeld: “De korpschef zal een overzicht van de roosterbezetting per eenheid aanleveren.” (LOVP 8 februari 2021).';
    const { browser, page, problems } = await renderCard(pendingCard(sample.slice(1), { language: 'nl', today: '2021-03-15', notice, undoItemId: 'overdue' }));
    browsers.push(browser);
    assert.deepEqual(problems, []);
    await page.getByText(notice).waitFor();
    await page.getByRole('button', { name: 'Heropenen' }).waitFor();
    assert.ok(!(await page.locator('#card').innerText()).includes('Over de datum (1)'), 'the closed item left the list');
    await page.locator('#card').screenshot({ path: path.join(OUT, 'pending-card-undo.png') });

    const en = await renderCard(pendingCard(sample, { language: 'en', today: '2021-03-15', notice: 'Marked done: “x”.', undoItemId: 'x' }));
    browsers.push(en.browser);
    const english = await en.page.locator('#card').innerText();
    for (const s of ['Overdue (1)', 'Within 30 days (1)', 'Later (1)', 'No date (1)', 'Overdue (due February 2021)', 'Discussed again at LOVP 12 April 2021 (Roosterdruk)']) assert.ok(english.includes(s), s);
    await en.page.getByRole('button', { name: 'Reopen' }).waitFor();
    await en.page.getByRole('button', { name: 'Older items (1)' }).waitFor();
  });
});
