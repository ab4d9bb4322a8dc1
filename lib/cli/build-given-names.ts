/**
 * Part of `npm run build:pack`: writes the given names the matcher knows (`lib/match/given-names.ts`)
 * from compromise's lexicon, the one the extraction already tags people with, and a few names in the
 * news it lacks, as folded token keys. Generated rather than copied so the list cannot drift from the
 * library, and rather than imported at run time so the background does not load all of compromise for
 * one word list. Deterministic: sorted keys.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { nameKeys } from '../match/normalize';
import { REPO_ROOT, isRunAsScript } from './script';

export const GIVEN_NAMES_OUT = 'lib/match/given-names.generated.json';

/** compromise's tags for words that are only a first name ("Brigitte", "Eric"). */
const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);

/**
 * Words compromise tags `FirstName` that are as often an ordinary English word ("Grant", "Mark", "Chase")
 * or a politician's surname ("Blair", "Kerry"): in front of a surname in a headline they say nothing.
 */
const AMBIGUOUS = new Set([
  'biff', 'blair', 'blaze', 'blossom', 'bob', 'buck', 'chase', 'chuck', 'drew', 'foster', 'grace', 'grant',
  'jack', 'kerry', 'lance', 'mack', 'mark', 'marshal', 'nick', 'ollie', 'pat', 'peg', 'pierce', 'rob', 'skip',
  'spike', 'stew', 'sue', 'wade',
]);

/**
 * First names of people in the news that compromise's lexicon, built from English text, lacks: family
 * members and officials named beside the politicians packs know ("Melania Trump", "Olena Zelenska",
 * "Akshata Murty"), in headlines where only a known first name tells them apart. Not surnames that
 * lead a Chinese or Arabic name ("Xi", "Abbas"), nor initials ("JD"), which stand first in the
 * politician's own name.
 */
export const NEWS_FIRST_NAMES: readonly string[] = [
  'Akshata', 'Andriy', 'Annalena', 'Barron', 'Bashar', 'Bezalel', 'Dmytro', 'Édouard', 'Elon', 'Giorgia', 'Hakan',
  'Itamar', 'Ivanka', 'Jean', 'Kaja', 'Karoline', 'Kateryna', 'Kemi', 'Lyudmila', 'Melania', 'Mette', 'Mykola',
  'Narendra', 'Oleksiy', 'Olena', 'Priti', 'Rishi', 'Ségolène', 'Serhiy', 'Suella', 'Tulsi', 'Ulf', 'Yahya', 'Yair',
  'Yoav', 'Yulia',
];

/**
 * Single-word first names of compromise's lexicon, and any `supplement`, folded like page text ("Zoé" →
 * "zoe"), sorted.
 */
export function givenNameKeys(lexicon: Record<string, unknown>, supplement: readonly string[] = []): string[] {
  const keys = new Set<string>();
  const add = (word: string): void => {
    const [key, ...rest] = nameKeys(word);
    if (key !== undefined && rest.length === 0 && key.length > 1) keys.add(key);
  };
  for (const [word, tag] of Object.entries(lexicon)) {
    if (typeof tag === 'string' && NAME_TAGS.has(tag) && !AMBIGUOUS.has(word)) add(word);
  }
  supplement.forEach(add);
  return [...keys].sort();
}

/** compromise's word → tag lexicon, which its types do not declare. */
export function compromiseLexicon(): Record<string, unknown> {
  return (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
}

function main(): void {
  const keys = givenNameKeys(compromiseLexicon(), NEWS_FIRST_NAMES);
  if (keys.length < 1000) throw new Error(`build:pack: only ${keys.length} given names in compromise's lexicon; has its model changed?`);
  const out = join(REPO_ROOT, GIVEN_NAMES_OUT);
  writeFileSync(out, `${JSON.stringify(keys)}\n`);
  console.log(`build:pack: ${keys.length} given names → ${out}`);
}

if (isRunAsScript(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
