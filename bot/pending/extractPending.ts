// Finds the follow-ups of a meeting, section by section: every sentence whose cues say something is promised
// for later (see followUpCues.ts) becomes an item with its owner and due date. A sentence that continues the
// one before ("Ook wordt daar ...", "Hier zal ook ...", "Ze kondigen ook aan ...") joins that item; a sentence
// that only makes sense with the one before ("Dit voorstel komt terug ...") carries it along as context.
import { splitSentences } from '../answer/sentences';
import type { Meeting, Section } from '../corpus/meeting';
import { isFollowUp } from './followUpCues';
import { ownerOf } from './owners';
import { pendingItemId, type PendingItem } from './pendingItem';
import { resolveDue } from './resolveDue';

/** Starts of sentences that lean on the sentence before. */
const CONTINUES = /^(?:ook\s+|tevens\s+|verder\s+)?(?:hier|daar|daarbij|hierbij|hiervoor|daarvoor|daarover|hierover|daarin|hierin|daarna|vervolgens|dan|bij\s+(?:dit|deze|die)|in\s+(?:dit|dat)\s+(?:overleg|gesprek|kader)|dit|deze|dat|die|het\s+(?:voorstel|rapport|plan|onderwerp|thema)|hij|zij|ze)\b/iu;
/** "Ook wordt daar ...", "Tevens zal hier ...": the back reference a few words in. */
const CONTINUES_LATER = /^(?:\S+\s+){1,3}(?:daar|hier|daarbij|hierbij|dan)\b/iu;
const PERSONAL_PRONOUN = /^(?:ook\s+)?(?:hij|zij|ze)\b/iu;

interface Draft {
  sentences: string[];
  /** The sentence before, shown with the first sentence because that one refers back to it. */
  context?: string;
  owner?: string;
  due?: { due: string | null; phrase: string };
}

function sectionItems(meeting: Meeting, section: Section): PendingItem[] {
  const drafts: Draft[] = [];
  const sentences = splitSentences(section.text);
  let previousActor: string | undefined;
  let previousWasItem = false;
  sentences.forEach((sentence, i) => {
    const owner = ownerOf(sentence, previousActor);
    const followUp = isFollowUp(sentence, meeting.date);
    if (followUp) {
      const due = resolveDue(sentence, meeting.date);
      const last = drafts[drafts.length - 1];
      if (previousWasItem && last && (CONTINUES.test(sentence) || CONTINUES_LATER.test(sentence))) {
        last.sentences.push(sentence);
        if (!last.due || (last.due.due === null && due?.due)) last.due = due ? { due: due.due, phrase: due.phrase } : last.due;
      } else {
        const context = i > 0 && CONTINUES.test(sentence) && !PERSONAL_PRONOUN.test(sentence) ? sentences[i - 1] : undefined;
        drafts.push({ sentences: [sentence], context, owner, due: due ? { due: due.due, phrase: due.phrase } : undefined });
      }
    }
    previousWasItem = followUp;
    previousActor = owner ?? previousActor;
  });
  return drafts.map((d) => {
    const text = [d.context, ...d.sentences].filter(Boolean).join(' ');
    return {
      id: pendingItemId(meeting.date, section.heading, text),
      date: meeting.date,
      section: section.heading,
      text,
      owner: d.owner ?? null,
      due: d.due?.due ?? null,
      ...(d.due ? { duePhrase: d.due.phrase } : {}),
      status: 'open',
    };
  });
}

/** The follow-ups of one meeting, in report order. */
export function extractPending(meeting: Meeting): PendingItem[] {
  return meeting.sections.flatMap((section) => sectionItems(meeting, section));
}

/** The follow-ups of all meetings, oldest meeting first; every item 'open' (see trackPending for the rest). */
export function extractAllPending(meetings: Meeting[]): PendingItem[] {
  return [...meetings].sort((a, b) => a.date.localeCompare(b.date)).flatMap(extractPending);
}
