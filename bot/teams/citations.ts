// Teams native citations: the answer text carries [1], [2] markers next to each quoted part, and an
// AI entity (schema.org Message) lists one Claim per marker with the meeting and section as the document name
// and the quote as its abstract, and the report page that shows the quote as its url (bot/teams/reportLinks.ts).
// Limits from Teams: name 80 characters, abstract 160, at most 20 citations.
import type { Language } from '../shared/language';
import type { Activity } from 'botbuilder';
import type { AIEntity, ClientCitation } from '@microsoft/teams-ai/lib/types';
import { meetingLabel } from '../corpus/meeting';
import type { Answer } from '../answer/knowledgeBase';
import { MAX_CITATIONS } from '../config';

import { oneLine, shorten } from '../shared/shorten';

export const MAX_NAME_CHARS = 80;
export const MAX_ABSTRACT_CHARS = 160;

/** "LOVP 10 februari 2020 – Jaarwisseling", within 80 characters. */
export function citationName(answer: Pick<Answer, 'date' | 'section'>, language: Language): string {
  return shorten(`${meetingLabel({ date: answer.date }, language)} – ${answer.section}`, MAX_NAME_CHARS);
}

/** Report text could contain "[2]" (a footnote); in our text that would look like a citation marker. */
function withoutMarkers(quote: string): string {
  return oneLine(quote.replace(/\[(\d+)\]/g, '($1)'));
}

/** The address of the page that shows an answer's quote in its report; undefined: no link. */
export type AnswerUrl = (answer: Answer) => string | undefined;

export function clientCitation(answer: Answer, position: number, language: Language, url?: string): ClientCitation {
  return {
    '@type': 'Claim',
    position,
    appearance: {
      '@type': 'DigitalDocument',
      name: citationName(answer, language),
      abstract: shorten(withoutMarkers(answer.quote), MAX_ABSTRACT_CHARS),
      ...(url ? { url } : {}),
    },
  };
}

/** teams-ai's AIEntity without the "AI generated" label. */
export type CitationEntity = Omit<AIEntity, 'additionalType'>;

export function aiEntity(citations: ClientCitation[]): CitationEntity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    // No additionalType AIGeneratedContent: the answers are verbatim quotes from the reports, nothing is generated,
    // so Teams must not label them "AI generated". The citations stay.
    citation: citations,
  };
}

const INTRO: Record<Language, (count: number) => string> = {
  nl: (n) => (n === 1 ? 'Dit staat erover in de bestuurlijke terugkoppeling:' : 'Dit staat erover in de bestuurlijke terugkoppelingen:'),
  en: (n) => `This is what the LOVP report${n === 1 ? '' : 's'} say${n === 1 ? 's' : ''} (quoted in Dutch):`,
};

/**
 * The reply for a question with answers: each answer as a bold "meeting – section" line and its quote followed
 * by its [n] marker, and the matching citations entity. `notes` go first ("Bedoelde je ...?"). Callers pass at
 * least one answer.
 */
export function citedAnswerActivity(answers: Answer[], language: Language, maxAnswers: number, notes: string[] = [], urlOf?: AnswerUrl): Partial<Activity> {
  const shown = answers.slice(0, Math.min(maxAnswers, MAX_CITATIONS));
  const citations = shown.map((answer, i) => clientCitation(answer, i + 1, language, urlOf?.(answer)));
  const parts = shown.map((answer, i) => {
    const heading = `${meetingLabel({ date: answer.date }, language)} – ${answer.section}`;
    return `**${heading}**\n\n"${withoutMarkers(answer.quote)}" [${i + 1}]`;
  });
  return {
    type: 'message',
    textFormat: 'markdown',
    text: [...notes, INTRO[language](shown.length), ...parts].join('\n\n'),
    entities: [aiEntity(citations)],
  };
}
