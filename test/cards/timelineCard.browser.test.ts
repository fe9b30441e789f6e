// Renders the timeline card of "tijdlijn vuurwerk" over the seed reports with the adaptivecards renderer in headless
// Chromium (test/helpers/chromium.ts) and keeps a screenshot: test-output/timeline-card.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { timelineCard } from '../../bot/cards/timelineCard';
import { extractAllPending } from '../../bot/pending/extractPending';
import { itemsOnTopic } from '../../bot/pending/itemsOnTopic';
import { answerUrl } from '../../bot/teams/reportLinks';
import { seedKnowledgeBase } from '../helpers/teamsBot';
import { projectDir } from '../ingest/helpers';
import { renderCard } from './renderCard';

const SCREENSHOT = path.join(projectDir, 'test-output', 'timeline-card.png');

describe('timeline card rendered in headless chromium (browser test)', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  after(async () => browser?.close());

  it('draws every meeting oldest first with its sentence and source, the entries clickable, then the follow-ups', async () => {
    const kb = await seedKnowledgeBase();
    const { answers } = kb.timeline('vuurwerk');
    const entries = answers.map((a) => ({ date: a.date, section: a.section, quote: a.quote, url: answerUrl('http://127.0.0.1:3978', kb.meetings, a, 'nl') }));
    const followUps = itemsOnTopic(extractAllPending(kb.meetings), 'vuurwerk', answers);
    const rendered = await renderCard(timelineCard('vuurwerk', entries, followUps, { language: 'nl' }));
    browser = rendered.browser;
    assert.deepEqual(rendered.problems, []);
    const text = await rendered.page.locator('#card').innerText();
    assert.match(text, /Tijdlijn uit de bestuurlijke terugkoppelingen/);
    const positions = ['15 apr', '10 feb', '23 nov'].map((d) => text.indexOf(`\n${d}\n`));
    assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), 'oldest first');
    assert.equal((text.match(/Bron: LOVP \d+ \w+ \d{4} – Jaarwisseling/g) ?? []).length, entries.length);
    assert.match(text, /Openstaande punten over dit onderwerp/);
    // Each entry is one click target (selectAction), reachable by keyboard too.
    assert.equal(await rendered.page.locator('#card .ac-container.ac-selectable').count() >= entries.length, true);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await rendered.page.locator('#card').screenshot({ path: SCREENSHOT });
    assert.ok(existsSync(SCREENSHOT));
  });
});
