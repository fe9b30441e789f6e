// What users think of the answers: every answer the bot sends is remembered for a while (its question, the cited
// sections, the kind of conversation), so the 👍/👎 and comment a user gives on it (Teams' feedback buttons) can be
// stored with what was asked and cited. Only the Teams user id identifies the person. Both records are bounded:
// the answers of a conversation keep the MAX_ANSWERS most recent, the feedback log the MAX_FEEDBACK most recent.
import type { Language } from '../shared/language';
import type { Storage } from 'botbuilder';
import { answersKey, FEEDBACK_KEY } from '../state/keys';
import { updateRecord } from '../state/updateRecord';

export const MAX_ANSWERS = 100;
export const MAX_FEEDBACK = 5000;
export const MAX_COMMENT_CHARS = 1000;

export interface CitedSection {
  date: string;
  section: string;
}

export interface AnsweredQuestion {
  question: string;
  language: Language;
  conversationType: 'personal' | 'groupChat' | 'channel';
  sections: CitedSection[];
  /** When the answer was sent, ISO 8601. */
  at: string;
}

export interface Feedback extends AnsweredQuestion {
  reaction: 'like' | 'dislike';
  comment: string;
  /** The Teams user id (AAD object id when Teams sends it): nothing else about the person is kept. */
  userId: string;
  ratedAt: string;
}

interface AnswersRecord {
  answers: Record<string, AnsweredQuestion>;
}

interface FeedbackLog {
  feedback: Feedback[];
}

export interface SectionRating extends CitedSection {
  likes: number;
  dislikes: number;
  comments: string[];
}

export class FeedbackStore {
  constructor(private readonly storage: Storage, private readonly now: () => Date = () => new Date()) {}

  /** Remembers an answer the bot sent, under the id Teams gave the message. */
  async rememberAnswer(conversationId: string, activityId: string, answer: Omit<AnsweredQuestion, 'at'>): Promise<void> {
    const entry = { ...answer, question: answer.question.slice(0, 500), at: this.now().toISOString() };
    await updateRecord<AnswersRecord>(this.storage, answersKey(conversationId), (record) => {
      const kept = Object.entries(record?.answers ?? {}).sort(([, a], [, b]) => b.at.localeCompare(a.at)).slice(0, MAX_ANSWERS - 1);
      return { answers: { ...Object.fromEntries(kept), [activityId]: entry } };
    });
  }

  /** Stores a reaction to the answer `activityId`; undefined when that answer is not (or no longer) known. */
  async record(conversationId: string, activityId: string, rating: { reaction: 'like' | 'dislike'; comment: string; userId: string }): Promise<Feedback | undefined> {
    const key = answersKey(conversationId);
    const answer = ((await this.storage.read([key]))[key] as Partial<AnswersRecord> | undefined)?.answers?.[activityId];
    if (!answer) return undefined;
    const feedback: Feedback = { ...answer, ...rating, comment: rating.comment.slice(0, MAX_COMMENT_CHARS), ratedAt: this.now().toISOString() };
    await updateRecord<FeedbackLog>(this.storage, FEEDBACK_KEY, (log) => ({ feedback: [...(log?.feedback ?? []), feedback].slice(-MAX_FEEDBACK) }));
    return feedback;
  }

  async list(): Promise<Feedback[]> {
    const log = (await this.storage.read([FEEDBACK_KEY]))[FEEDBACK_KEY] as Partial<FeedbackLog> | undefined;
    return Array.isArray(log?.feedback) ? log.feedback : [];
  }
}

/** Per cited section: likes, dislikes and comments, worst rated first (most dislikes over likes, then most dislikes). */
export function ratingsBySection(feedback: Feedback[]): SectionRating[] {
  const bySection = new Map<string, SectionRating>();
  for (const f of feedback) {
    for (const s of f.sections) {
      const key = `${s.date}\u0000${s.section}`;
      const rating = bySection.get(key) ?? { ...s, likes: 0, dislikes: 0, comments: [] };
      if (f.reaction === 'like') rating.likes++;
      else rating.dislikes++;
      if (f.comment) rating.comments.push(f.comment);
      bySection.set(key, rating);
    }
  }
  return [...bySection.values()].sort((a, b) => b.dislikes - b.likes - (a.dislikes - a.likes) || b.dislikes - a.dislikes || a.date.localeCompare(b.date));
}
