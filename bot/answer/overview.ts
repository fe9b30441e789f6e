// A report's introduction names the meeting's topics ("In het LOVP van 23 november is onder meer gesproken over
// X, Y en Z"); it mentions X but is not about X, so the section about X goes first.
import type { Section } from '../corpus/meeting';

const NAMES_TOPICS = /\b(?:is|zijn|werd|werden|wordt|worden)\s+(?:onder (?:meer|andere)\s+|o\.a\.\s+|kort\s+)?(?:gesproken|besproken|stilgestaan)\s+(?:over|bij)\b|\bonder (?:meer|andere)\s+(?:gesproken|besproken)\b|^in (?:het|de|dit)\s+(?:lovp|vergadering|overleg)\b/i;

export function isOverview(section: Pick<Section, 'heading' | 'text' | 'untitled'>): boolean {
  if (section.untitled && /^inleiding$/i.test(section.heading)) return true;
  const first = section.text.split(/(?<=[.!?])\s/)[0] ?? '';
  return NAMES_TOPICS.test(first) && /,/.test(first);
}
