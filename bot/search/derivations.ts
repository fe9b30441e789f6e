// Dutch derives words from one root with endings the stemmer leaves alone: instroom/instromer,
// demonstratie/demonstrant, betoging/betoger, informatie/informeren. Stems that share a root after one such
// ending is taken off are relatives: a question about "instromers" finds a report about "instroom".

/** Derivational endings, longest first, as they stand at the end of a snowball stem. */
const ENDINGS = ['isering', 'ering', 'aties', 'atie', 'ingen', 'ing', 'ster', 'ers', 'er', 'ant', 'ent', 'isme', 'ist',
  'iteit', 'heid', 'elijk', 'lijk', 'baar', 'isch', 'ief', 'eel', 'aal', 'ie', 'or'];
/** A root must keep this many letters: shorter ones join unrelated words ("ag" for agent and agenda). */
const MIN_ROOT = 5;

/** The stem without its derivational ending, doubled vowels made single ("instroom" and "instrom" agree). */
export function derivationalRoot(stem: string): string {
  let root = stem;
  for (const ending of ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= MIN_ROOT) {
      root = stem.slice(0, -ending.length);
      break;
    }
  }
  return root.replace(/([aeou])\1/g, '$1');
}
