// A Meeting built in a test from (heading, text) pairs, as the parser would give it.
import type { Meeting } from '../../bot/corpus/meeting';

export const meeting = (date: string, sections: [string, string][]): Meeting => ({
  date,
  title: `Bestuurlijke terugkoppeling LOVP ${date}`,
  source: `${date}.txt`,
  sections: sections.map(([heading, text]) => ({ heading, text })),
});
