// What the bot asks its knowledge: the knowledge base itself (bot/answer/knowledgeBase.ts), the one answering in a worker
// thread (offThreadIndex.ts), or the stand-in while the reports are read at start.
import type { Meeting } from '../corpus/meeting';
import type { Language } from '../shared/language';
import type { AskOptions, QuestionResult } from './knowledgeBase';

export interface KnowledgeSource {
  readonly meetings: Meeting[];
  ask(question: string, options?: AskOptions): QuestionResult | Promise<QuestionResult>;
  /** Every meeting that discussed a topic, oldest first (KnowledgeBase.timeline). */
  timeline?(topic: string): QuestionResult | Promise<QuestionResult>;
  /** The language a text's words show, the reports' own words counting as Dutch (KnowledgeBase.wordsLanguage). */
  wordsLanguage?(text: string): Language | undefined | Promise<Language | undefined>;
  /** True while the reports are still being read at start: questions are answered with "still loading". */
  readonly loading?: boolean;
}
