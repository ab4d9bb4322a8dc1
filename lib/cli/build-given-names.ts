/**
 * Part of `npm run build:pack`: writes the given names the matcher knows (`lib/match/given-names.ts`)
 * from compromise's lexicon, the one the extraction already tags people with, as folded token keys. Generated
 * rather than copied so the list cannot drift from the library, and rather than imported at run time
 * so the background does not load all of compromise for one word list. Deterministic: sorted keys.
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

/** Single-word first names of compromise's lexicon, folded like page text ("Zoé" → "zoe"), sorted. */
export function givenNameKeys(lexicon: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  for (const [word, tag] of Object.entries(lexicon)) {
    if (typeof tag !== 'string' || !NAME_TAGS.has(tag) || AMBIGUOUS.has(word)) continue;
    const [key, ...rest] = nameKeys(word);
    if (key !== undefined && rest.length === 0 && key.length > 1) keys.add(key);
  }
  return [...keys].sort();
}

function main(): void {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const keys = givenNameKeys(lexicon);
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
