// How much of a report file the bot is willing to read. Real reports are a few pages (5-20 KB of text); these
// caps are far above that and far below what would hold a parser for long: a 4 MB PDF of 14,000 pages, or a
// 170 KB DOCX whose XML inflates to 50 MB, are refused instead of read.
export interface ReadLimits {
  /** Characters of extracted text. */
  maxChars: number;
  maxPdfPages: number;
  /** Bytes of a DOCX's XML parts once unpacked (its pictures do not count). */
  maxDocxXmlBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxChars: 500_000,
  maxPdfPages: 200,
  maxDocxXmlBytes: 2 * 1024 * 1024,
};

export type LimitKind = 'chars' | 'pages' | 'docx-xml' | 'time';

/** A file over one of the limits; `limit` is the number that was passed (characters, pages, bytes or ms). */
export class ReadLimitError extends Error {
  constructor(readonly kind: LimitKind, readonly limit: number) {
    super(`over the ${kind} limit of ${limit}`);
  }
}
