// Renders an Adaptive Card with the adaptivecards renderer in headless Chromium (test/helpers/chromium.ts), the way a Teams-like host
// draws it (light theme colours, inline show-cards), offline. Shared by the card browser tests.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';

export interface RenderedCard {
  browser: Browser;
  page: Page;
  /** Parse problems the renderer reported (none expected). */
  problems: string[];
}

/** `browser`: one already running, for several cards in one test (default: a new one). */
export async function renderCard(card: object, viewport = { width: 760, height: 900 }, running?: Browser): Promise<RenderedCard> {
  const browser = running ?? (await launchChromium());
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') || route.request().url() === 'about:blank' ? route.continue() : route.abort()));
  await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#f5f5f5;font-family:\'Segoe UI\',\'Liberation Sans\',sans-serif"><div id="card" style="width:720px;margin:16px;background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
  const problems = await page.evaluate((json) => {
    const AC = (window as any).AdaptiveCards;
    const adaptive = new AC.AdaptiveCard();
    // Colours and spacing close to Teams' light theme.
    adaptive.hostConfig = new AC.HostConfig({
      fontFamily: "'Segoe UI', 'Liberation Sans', sans-serif",
      containerStyles: { default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' }, warning: { default: '#835B00' }, good: { default: '#237B4B' }, accent: { default: '#5B5FC7' } } } },
      actions: { actionsOrientation: 'Horizontal', buttonSpacing: 8, showCard: { actionMode: 'Inline' } },
    });
    const context = new AC.SerializationContext();
    adaptive.parse(json, context);
    const rendered = adaptive.render();
    document.getElementById('card')!.appendChild(rendered);
    const found: string[] = [];
    for (let i = 0; i < context.eventCount; i++) found.push(context.getEventAt(i).message);
    return found;
  }, card as unknown as Record<string, unknown>);
  return { browser, page, problems };
}
