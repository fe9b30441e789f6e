// Recognises the same report when it arrives again, also as another file type: the hash is taken over the
// parsed meeting (date, title, headings, text) with Unicode, case-insensitive whitespace and line breaks
// normalised, so a PDF and a DOCX made from the same text hash alike.
import { createHash } from 'node:crypto';
import type { Meeting } from '../corpus/meeting';

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00ad\u200b]/g, '') // soft hyphens and zero-width spaces that PDF export leaves behind
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function contentHash(meeting: Pick<Meeting, 'date' | 'title' | 'sections'>): string {
  const hash = createHash('sha256');
  hash.update(`${meeting.date}\n${normaliseText(meeting.title)}\n`);
  for (const section of meeting.sections) hash.update(`${normaliseText(section.heading)}\n${normaliseText(section.text)}\n`);
  return hash.digest('hex').slice(0, 32);
}
