// GET /reports/<date>: one report as a readable page, the page citations link to (bot/teams/reportLinks.ts). It
// shows only report content: the title, the date, a list of the sections and each section's text, with the
// sentences a citation quoted marked and that section framed; the link's anchor brings the section into view.
// No script, no images, no forms: the Content-Security-Policy allows nothing but the page's own style sheet.
// Everything drawn from a report is HTML-escaped, and nothing of the request is written into the page.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { splitSentences } from '../answer/sentences';
import { formatDate } from '../corpus/dates';
import type { Meeting } from '../corpus/meeting';
import { parseSentenceRanges, sectionAnchors } from './reportLinks';
import type { Language } from '../shared/language';

const STYLE = `body{margin:0;background:#f5f5f5;color:#242424;font:16px/1.6 'Segoe UI','Liberation Sans',sans-serif}
main{max-width:760px;margin:0 auto;padding:24px 32px 64px;background:#fff;min-height:100vh}
.kicker{margin:0;color:#616161;font-size:14px}h1{margin:4px 0 0;font-size:26px;line-height:1.3}
.meta{margin:4px 0 16px;color:#616161}nav{border-top:1px solid #e0e0e0;border-bottom:1px solid #e0e0e0;padding:8px 0;font-size:14px}
nav ol{margin:0;padding-left:20px}a{color:#4f52b2}section{margin-top:24px;padding:4px 16px 8px;border-left:4px solid transparent;scroll-margin-top:16px}
section.cited{border-left-color:#5b5fc7;background:#f7f7fc}h2{font-size:20px;margin:8px 0}.note{color:#616161;font-size:14px;margin:0}
mark{background:#fff1a8;padding:1px 0}`;

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

const LABELS = {
  nl: { kicker: 'Bestuurlijke terugkoppeling van het LOVP', meta: (date: string, n: number) => `Vergadering van ${date} · ${n} ${n === 1 ? 'onderwerp' : 'onderwerpen'}`, cited: 'Het gemarkeerde is geciteerd in het antwoord van de LOVP-bot.', contents: 'Onderwerpen' },
  en: { kicker: 'LOVP report (Bestuurlijke terugkoppeling, in Dutch)', meta: (date: string, n: number) => `Meeting of ${date} · ${n} ${n === 1 ? 'topic' : 'topics'}`, cited: 'The marked sentences are the ones the LOVP bot quoted.', contents: 'Topics' },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageOptions {
  /** The section a citation points at, framed; its `marked` sentences are highlighted. */
  section?: number;
  marked?: number[];
  language?: Language;
}

/** The whole page of a meeting. */
export function reportPage(meeting: Meeting, options: PageOptions = {}): string {
  const language = options.language ?? 'nl';
  const t = LABELS[language];
  const anchors = sectionAnchors(meeting.sections);
  const marked = new Set(options.marked ?? []);
  const sections = meeting.sections.map((section, i) => {
    const cited = i === options.section;
    let n = 0;
    // Sentences are counted over the whole section text, paragraph after paragraph, as the links count them.
    const paragraphs = section.text.split(/\n\s*\n/).map((paragraph) => {
      const sentences = splitSentences(paragraph).map((s) => {
        const at = n++;
        return cited && marked.has(at) ? `<mark>${escapeHtml(s)}</mark>` : escapeHtml(s);
      });
      return sentences.length ? `<p>${sentences.join(' ')}</p>` : '';
    });
    const note = cited && marked.size ? `<p class="note">${t.cited}</p>` : '';
    return `<section id="${anchors[i]}"${cited ? ' class="cited"' : ''}><h2>${escapeHtml(section.heading)}</h2>${note}${paragraphs.join('')}</section>`;
  });
  const contents = meeting.sections.map((s, i) => `<li><a href="#${anchors[i]}">${escapeHtml(s.heading)}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${escapeHtml(meeting.title)}</title><style>${STYLE}</style></head><body><main>`
    + `<p class="kicker">${t.kicker}</p><h1>${escapeHtml(meeting.title)}</h1><p class="meta">${t.meta(formatDate(meeting.date, language), meeting.sections.length)}</p>`
    + `<nav aria-label="${t.contents}"><ol>${contents}</ol></nav>${sections.join('')}</main></body></html>`;
}

const PLAIN = { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' };
const MISSING = { nl: 'Deze terugkoppeling ken ik niet.', en: 'No such report.' };

/** The restify handler of GET (and HEAD) /reports/:date, over the meetings the bot currently knows. */
export function reportPageHandler(meetings: () => { meetings: readonly Meeting[]; loading?: boolean }) {
  // async: restify wants (req, res) handlers to be, or to take a next callback.
  return async (req: Request, res: Response): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const language: Language = query.get('lang') === 'en' ? 'en' : 'nl';
    const date = String(req.params?.date ?? '');
    const known = meetings();
    const meeting = /^\d{4}-\d{2}-\d{2}$/.test(date) ? known.meetings.find((m) => m.date === date) : undefined;
    if (!meeting) {
      const status = known.loading ? 503 : 404;
      const text = known.loading ? (language === 'en' ? 'Still reading the reports; try again in a minute.' : 'De terugkoppelingen worden nog ingelezen; probeer het over een minuut.') : MISSING[language];
      send(req, res, text, status, PLAIN);
      return;
    }
    const section = /^\d{1,4}$/.test(query.get('section') ?? '') ? Number(query.get('section')) : undefined;
    const page = reportPage(meeting, { section, marked: parseSentenceRanges(query.get('sentences')), language });
    send(req, res, page, 200, HEADERS);
  };
}

/** Written as it is (restify's formatters would turn a string into JSON); HEAD gets the headers only. */
function send(req: Request, res: Response, body: string, status: number, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
