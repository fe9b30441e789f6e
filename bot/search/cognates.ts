// English words the glossary does not know often have a Dutch cognate that differs only in its ending:
// evaluation/evaluatie, capacity/capaciteit, strategy/strategie, national/nationaal, preventive/preventief.
// Candidates are only guesses; the index keeps the ones the reports actually use.

const ENDINGS: [RegExp, string][] = [
  [/tion$/, 'tie'], [/sion$/, 'sie'], [/ity$/, 'iteit'], [/ism$/, 'isme'], [/ogy$/, 'ogie'], [/graphy$/, 'grafie'],
  [/ural$/, 'ureel'], [/ional$/, 'ionaal'], [/al$/, 'aal'], [/ical$/, 'isch'], [/ic$/, 'isch'], [/ic$/, 'iek'],
  [/ive$/, 'ief'], [/ence$/, 'entie'], [/ance$/, 'antie'], [/ary$/, 'air'], [/ous$/, 'eus'], [/y$/, 'ie'],
  [/i[sz]e$/, 'iseren'], [/ate$/, 'eren'], [/ated$/, 'eerd'], [/ct$/, 'ct'], [/ct$/, 'kt'],
];

/** Dutch-looking forms of an English word, itself included. */
export function dutchCognates(word: string): string[] {
  const forms = new Set([word]);
  const singular = word.length > 4 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
  forms.add(singular);
  for (const base of new Set([singular, singular.replace(/^qu/, 'kw').replace(/qu/g, 'kw')])) {
    for (const [ending, dutch] of ENDINGS) if (ending.test(base)) forms.add(base.replace(ending, dutch));
    forms.add(base);
  }
  return [...forms];
}
