// A report's introduction names the meeting's topics ("In het LOVP van 23 november is onder meer gesproken over
// X, Y en Z"); it mentions X but is not about X, so the section about X goes first.
import type { Section } from '../corpus/meeting';

const NAMES_TOPICS = /\b(?:is|zijn|werd|werden|wordt|worden)\s+(?:onder (?:meer|andere)\s+|o\.a\.\s+|kort\s+)?(?:gesproken|besproken|stilgestaan)\s+(?:over|bij)\b|\bonder (?:meer|andere)\s+(?:gesproken|besproken)\b|^in (?:het|de|dit)\s+(?:lovp|vergadering|overleg)\b/i;

/** Sections are immutable; ranking asks about the same ones for every question. */
const known = new WeakMap<object, boolean>();

export function isOverview(section: Pick<Section, 'heading' | 'text' | 'untitled'>): boolean {
  let overview = known.get(section);
  if (overview === undefined) {
    const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(section.text)?.[0] ?? section.text;
    overview = (section.untitled === true && /^inleiding$/i.test(section.heading)) || (NAMES_TOPICS.test(first) && first.includes(','));
    known.set(section, overview);
  }
  return overview;
}
