// Checks a card with the official adaptivecards library (no DOM needed to parse): every parse and validation
// event it reports (unknown types, bad values, ...). Shared by the card tests.
import * as AC from 'adaptivecards';

export function cardProblems(card: object): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}
