/** The two languages the bot speaks: the reports' Dutch, and English. */
export type Language = 'nl' | 'en';

export const isLanguage = (value: unknown): value is Language => value === 'nl' || value === 'en';
