// Builds bot/search/wordlists/en-nl.tsv, the general English -> Dutch word list under the domain glossary, from
// Debian's FreeDict dictionaries (English-Dutch and Dutch-English, GPL-2+) and WordNet 3.0 (English synonyms,
// for English words the dictionaries lack: "cop" -> policeman -> agent). Run it when those sources change:
//   npx tsx bot/tools/buildLexicon.ts [--from DIR] [--out FILE]
// Without --from it downloads the three packages with `apt-get download` into a temporary folder and unpacks
// them with `dpkg-deb -x`; with --from DIR it reads a folder where they were unpacked (DIR/usr/share/...).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../search/textAnalysis';

const PACKAGES = ['dict-freedict-eng-nld', 'dict-freedict-nld-eng', 'wordnet-base'];
/** Dutch words kept per English word: the dictionaries list the common sense first. */
const MAX_DUTCH = 10;
/** WordNet senses whose synonyms stand in for an English word (senses come most frequent first). */
const SYNONYM_SENSES = 2;
/** Glosses of a Dutch headword that make it a translation of those English words. */
const FIRST_GLOSSES = 2;
/** A broader word stands in only when it is still specific ("policeman" for "cop", not "person" for "protester"). */
const MAX_HYPONYMS = 25;

function unpackPackages(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lovp-lexicon-'));
  execFileSync('apt-get', ['download', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
  for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb'))) execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: dir });
  return dir;
}

/** Tokenised exactly as questions and reports are (bot/search/textAnalysis.ts: "ĳ" -> "ij", "online-fraude" ->
 *  "online fraude"), so the bot reads the list as it is, without tokenising 100,000 phrases at every start. */
const fold = (s: string) => tokenize(s).join(' ');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode64 = (s: string) => [...s].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/** A dictd dictionary: headword -> its translations (one per comma, semicolon or numbered sense). */
function readDictd(root: string, name: string): Map<string, string[]> {
  const dir = path.join(root, 'usr/share/dictd');
  const data = gunzipSync(readFileSync(path.join(dir, `${name}.dict.dz`)));
  const entries = new Map<string, string[]>();
  for (const line of readFileSync(path.join(dir, `${name}.index`), 'utf8').split('\n')) {
    const [head, offset, length] = line.split('\t');
    if (!length || head.startsWith('00-database')) continue;
    const body = data.subarray(decode64(offset), decode64(offset) + decode64(length)).toString('utf8').split('\n').slice(1);
    const translations = body.flatMap((l) => l.replace(/^\s*\d+\.\s*/, '').split(/[,;]/)).map((t) => fold(t.replace(/\(.*?\)/g, '')))
      .filter((t) => t && t.split(' ').length <= 3 && /^[a-z][a-z0-9 ]*$/.test(t));
    if (!translations.length) continue;
    const key = fold(head);
    entries.set(key, [...new Set([...(entries.get(key) ?? []), ...translations])]);
  }
  return entries;
}

interface Synset {
  offset: string;
  lemmas: string[];
  hypernyms: string[];
  /** How many narrower synsets it has: "person" has hundreds and says nothing about "protester". */
  hyponymCount: number;
}

interface WordNet {
  /** lemma -> synset offsets per part of speech, most frequent sense first. */
  senses: Map<string, string[]>;
  /** Lemmas seen in WordNet's sense-tagged texts: words people actually use. */
  common: Set<string>;
  /** A lemma's main part of speech (n, v, a, r): the one with the most senses. */
  partOfSpeech: Map<string, string>;
  /** synset offset (with its part of speech) -> its lemmas and its hypernyms. */
  synsets: Map<string, Synset>;
  /** inflected form -> lemma (WordNet's exception lists: "went" -> "go"). */
  exceptions: Map<string, string>;
}

function readWordNet(root: string): WordNet {
  const dir = path.join(root, 'usr/share/wordnet');
  const senses = new Map<string, string[]>();
  const synsets = new Map<string, Synset>();
  const exceptions = new Map<string, string>();
  const common = new Set<string>();
  const partOfSpeech = new Map<string, string>();
  const senseCount = new Map<string, number>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const tag = pos[0];
    for (const line of readFileSync(path.join(dir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const pointers = Number(f[3]);
      const count = Number(f[2]);
      const offsets = f.slice(4 + pointers + 2, 4 + pointers + 2 + count).map((o) => `${tag}${o}`);
      const lemma = f[0].replace(/_/g, ' ');
      if (Number(f[4 + pointers + 1]) > 0) common.add(lemma);
      if (count > (senseCount.get(lemma) ?? 0)) {
        senseCount.set(lemma, count);
        partOfSpeech.set(lemma, tag);
      }
      senses.set(lemma, [...(senses.get(lemma) ?? []), ...offsets.slice(0, SYNONYM_SENSES)]);
    }
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' | ')[0].split(' ');
      const words = parseInt(f[3], 16);
      const lemmas = Array.from({ length: words }, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
      const at = 4 + 2 * words;
      const pointerCount = Number(f[at]);
      const hypernyms: string[] = [];
      let hyponymCount = 0;
      for (let p = 0; p < pointerCount; p++) {
        const [symbol, offset, ptrPos] = f.slice(at + 1 + 4 * p, at + 5 + 4 * p);
        if (symbol === '@') hypernyms.push(`${ptrPos === 's' ? 'a' : ptrPos}${offset}`);
        if (symbol === '~') hyponymCount++;
      }
      synsets.set(`${tag}${f[0]}`, { offset: `${tag}${f[0]}`, lemmas, hypernyms, hyponymCount });
    }
    const exc = path.join(dir, `${pos}.exc`);
    for (const line of readFileSync(exc, 'utf8').split('\n')) {
      const [form, lemma] = line.trim().split(' ');
      if (form && lemma && !exceptions.has(form)) exceptions.set(form.replace(/_/g, ' '), lemma.replace(/_/g, ' '));
    }
  }
  return { senses, common, partOfSpeech, synsets, exceptions };
}

export interface LexiconEntry {
  dutch: string[];
  /** Main part of speech per WordNet (n, v, a, r), or '' when WordNet lacks the word. */
  pos: string;
}

export interface Lexicon {
  lexicon: Map<string, LexiconEntry>;
  forms: Map<string, string>;
  /** Dutch headwords with the main part of speech of their first English gloss ("aarzelen" -> v, "basis" -> n). */
  dutch: Map<string, string>;
}

export function buildLexicon(root: string): Lexicon {
  const engNld = readDictd(root, 'freedict-eng-nld');
  const nldEng = readDictd(root, 'freedict-nld-eng');
  const direct = new Map<string, string[]>();
  const add = (en: string, nl: string[]) => direct.set(en, [...new Set([...(direct.get(en) ?? []), ...nl])]);
  for (const [en, nl] of engNld) add(en, nl);
  // A Dutch headword counts as a translation of the English words it is first glossed with, not of every gloss:
  // "wet" is glossed "law, act, ..., police", and police is not what "wet" means.
  for (const [nl, ens] of nldEng) for (const en of ens.slice(0, FIRST_GLOSSES)) add(en, [nl]);

  const wordnet = readWordNet(root);
  const lexicon = new Map<string, LexiconEntry>();
  const lemmas = new Set([...direct.keys(), ...wordnet.senses.keys()]);
  for (const en of lemmas) {
    if (en.split(' ').length > 3) continue;
    const own = direct.get(en) ?? [];
    // Words only WordNet knows are kept when people use them; the rest make the list long and the matches odd.
    if (own.length === 0 && !wordnet.common.has(en)) continue;
    let dutch = [...own];
    if (dutch.length < 3) {
      // An English word the dictionaries lack is translated through its WordNet synonyms, else its hypernyms.
      const synsets = (wordnet.senses.get(en) ?? []).map((o) => wordnet.synsets.get(o)).filter((s) => s !== undefined);
      // Only synonyms that mostly mean this ("policeman" for "cop"), not ones that mostly mean something else
      // ("copper", "pig").
      const mostlyMeans = (lemma: string, offset: string) => wordnet.senses.get(lemma)?.[0] === offset;
      const viaSynonyms = synsets.flatMap((s) => s.lemmas.filter((l) => l !== en && mostlyMeans(l, s.offset))).flatMap((l) => direct.get(l) ?? []);
      dutch = [...new Set([...dutch, ...viaSynonyms])];
      if (dutch.length === 0) {
        const hypernyms = synsets.slice(0, 1).flatMap((s) => s.hypernyms).map((o) => wordnet.synsets.get(o))
          .filter((s): s is Synset => s !== undefined && s.hyponymCount <= MAX_HYPONYMS);
        dutch = [...new Set(hypernyms.flatMap((s) => s.lemmas.filter((l) => mostlyMeans(l, s.offset))).flatMap((l) => direct.get(l) ?? []))];
      }
    }
    // A Dutch word that is the English word itself ("budget", "pilot") stays first: reports borrow English.
    if (dutch.length) lexicon.set(en, { dutch: dutch.slice(0, MAX_DUTCH), pos: wordnet.partOfSpeech.get(en) ?? '' });
  }
  const forms = new Map([...wordnet.exceptions].filter(([, lemma]) => lexicon.has(lemma)));
  const dutch = new Map<string, string>();
  for (const [nl, ens] of nldEng) {
    if (nl.includes(' ')) continue;
    const gloss = ens.map((en) => en.replace(/^to /, '')).find((en) => wordnet.partOfSpeech.has(en));
    dutch.set(nl, gloss ? wordnet.partOfSpeech.get(gloss)! : '');
  }
  return { lexicon, forms, dutch };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const root = opt('--from') ?? unpackPackages();
  const out = opt('--out') ?? path.join(__dirname, '../search/wordlists/en-nl.tsv');
  const dutchOut = path.join(path.dirname(out), 'nl-words.tsv');
  const { lexicon, forms, dutch } = buildLexicon(root);
  const header = [
    '# English -> Dutch word list, derived by bot/tools/buildLexicon.ts; do not edit by hand.',
    '# Sources: FreeDict English-Dutch and Dutch-English dictionaries (Debian packages dict-freedict-eng-nld,',
    '# dict-freedict-nld-eng; Copyright (C) 1999-2022 FreeDict contributors; GNU GPL version 2 or later) and',
    '# WordNet 3.0 (Debian package wordnet-base; WordNet 3.0 Copyright 2006 by Princeton University, WordNet licence).',
    '# This file is a derived work of FreeDict and is distributed under the GNU GPL version 2 or later; see',
    '# bot/search/wordlists/NOTICE. Lines: english<TAB>dutch|dutch|...<TAB>part of speech (n, v, a, r; WordNet\'s main one)',
    '# and =form<TAB>lemma (irregular English forms).',
  ];
  const lines = [...lexicon].sort(([a], [b]) => a.localeCompare(b)).map(([en, { dutch, pos }]) => `${en}\t${dutch.join('|')}\t${pos}`);
  const formLines = [...forms].sort(([a], [b]) => a.localeCompare(b)).map(([form, lemma]) => `=${form}\t${lemma}`);
  writeFileSync(out, [...header, ...lines, ...formLines].join('\n') + '\n');
  const dutchHeader = [
    '# Dutch words with the main part of speech of their English translation (n, v, a, r; empty when unknown),',
    '# derived by bot/tools/buildLexicon.ts from the FreeDict Dutch-English dictionary (GNU GPL version 2 or later)',
    '# and WordNet 3.0; see bot/search/wordlists/NOTICE. Lines: dutch<TAB>part of speech.',
  ];
  const dutchLines = [...dutch].sort(([a], [b]) => a.localeCompare(b)).map(([nl, pos]) => `${nl}\t${pos}`);
  writeFileSync(dutchOut, [...dutchHeader, ...dutchLines].join('\n') + '\n');
  console.log(`${lexicon.size} English words, ${forms.size} irregular forms -> ${out}; ${dutch.size} Dutch words -> ${dutchOut}`);
}

if (require.main === module) main();
