// Finds the follow-ups of a meeting, section by section: every sentence that says something is still to happen
// (see followUpSentence.ts) becomes an item with its owner and due date. The follow-up sentence right after it
// joins the item unless it names another party or another date ("Besloten is een werkgroep in te stellen. De
// uitkomsten worden na het zomerreces besproken."; "Dit kader moet in het eerste kwartaal gereed zijn."). A
// follow-up that refers back to a sentence that is no item ("De korpschef zegt dit toe.") carries it as context.
import { splitSentences } from '../answer/sentences';
import type { Meeting, Section } from '../corpus/meeting';
import { dueTime, readSentence } from './followUpSentence';
import { ownerOf } from './owners';
import { pendingItemId, type PendingItem } from './pendingItem';
import { oneLine } from '../shared/shorten';

/** Starts of sentences that lean on the sentence before. */
const CONTINUES = /^(?:ook\s+|tevens\s+|verder\s+|daarnaast\s+)?(?:hier|daar|daarbij|hierbij|hiervoor|daarvoor|daarover|hierover|daarin|hierin|daarna|vervolgens|dan|bij\s+(?:dit|deze|die)|in\s+(?:dit|dat)\s+(?:overleg|gesprek|kader)|dit|deze|dat|die|het\s+(?:voorstel|rapport|plan|onderwerp|thema)|hij|zij|ze)\b/i;
/** "Ook wordt daar ...", "De korpschef zegt dit toe", "De resultaten van dat onderzoek ...": a back reference a few words in. */
const CONTINUES_LATER = /^(?:\S+\s+){1,3}?(?:daar|hier|daarbij|hierbij|dan)\b|^(?:\S+\s+){1,3}?(?:dit|dat|deze|die)\s+(?:toe|mee\b|(?:op|aan|uit|voor|door|in|na|af)(?=\s*(?:[.,;]|$|en\b)))|^(?:\S+\s+){1,4}?(?:van|uit|over|op)\s+(?:dit|dat|deze|die)\s+[a-zà-öø-ÿ]{4,}/i;
/** "Daarnaast onderzoekt de politie ...", "Ook is afgesproken ...": a point of its own. */
const ANOTHER_POINT = /^(?:daarnaast|verder|ook|tevens|voorts|bovendien|tot\s+slot|ten\s+slotte)\b/i;
const PERSONAL_PRONOUN = /^(?:ook\s+)?(?:hij|zij|ze)\b/i;

interface Draft {
  sentences: string[];
  /** The sentence before, shown with the first sentence because that one refers back to it. */
  context?: string;
  owner?: string;
  due?: { value: string | null; phrase: string };
}

const leansBack = (sentence: string) => CONTINUES.test(sentence) || CONTINUES_LATER.test(sentence);

function sectionItems(meeting: Meeting, section: Section): PendingItem[] {
  const drafts: Draft[] = [];
  const sentences = splitSentences(section.text);
  let previousActor: string | undefined;
  let previousWasItem = false;
  sentences.forEach((sentence, i) => {
    const reading = readSentence(sentence, meeting.date, previousActor, previousWasItem && leansBack(sentence));
    const owner = reading.owner;
    if (reading.followUp) {
      const time = dueTime(sentence, reading);
      const due = time ? { value: time.value, phrase: time.text } : undefined;
      const last = drafts[drafts.length - 1];
      // One agreement is often told in two or three sentences: the next one joins unless it names another
      // party or another date.
      const sameParty = (!owner || !last?.owner || owner === last.owner || PERSONAL_PRONOUN.test(sentence)) && !ANOTHER_POINT.test(sentence);
      const sameDate = !due?.value || !last?.due?.value || due.value === last.due.value;
      if (previousWasItem && last && ((leansBack(sentence) && sameDate) || (sameParty && sameDate))) {
        last.sentences.push(sentence);
        if (due && (!last.due || (last.due.value === null && due.value))) last.due = due;
        last.owner ??= owner;
      } else {
        const context = i > 0 && leansBack(sentence) && !PERSONAL_PRONOUN.test(sentence) ? sentences[i - 1] : undefined;
        drafts.push({ sentences: [sentence], context, owner: owner ?? (context ? ownerOf(context, previousActor) : undefined), due });
      }
    }
    previousWasItem = reading.followUp;
    previousActor = owner ?? previousActor;
  });
  return drafts.map((d) => {
    const text = [d.context, ...d.sentences].filter(Boolean).join(' ');
    return {
      id: pendingItemId(meeting.date, section.heading, text),
      date: meeting.date,
      section: section.heading,
      // Its name: the follow-up sentence itself, not the sentence before it that it leans on.
      title: oneLine(d.sentences[0]),
      text,
      owner: d.owner ?? null,
      due: d.due?.value ?? null,
      ...(d.due ? { duePhrase: d.due.phrase } : {}),
      status: 'open',
    };
  });
}

/** The follow-ups of one meeting, in report order. */
export function extractPending(meeting: Meeting): PendingItem[] {
  return meeting.sections.flatMap((section) => sectionItems(meeting, section));
}

/** The follow-ups of all meetings, oldest meeting first; every item 'open' (see pendingTracker.ts for the rest). */
export function extractAllPending(meetings: Meeting[]): PendingItem[] {
  return [...meetings].sort((a, b) => a.date.localeCompare(b.date)).flatMap(extractPending);
}
