/**
 * What a capitalised word next to a name says about it: whether it is a title or a sentence's first
 * word (which says nothing), or another person's first name. The candidate finder and the matcher's
 * rules read the same lists.
 */
import givenNames from './given-names.generated.json';
import { isSpaceCode } from './normalize';

/**
 * Capitalised words that are not names: sentence starters, function words, titles, days and months.
 * They split a run of capitalised words ("President Zelenskiy" → "Zelenskiy").
 */
export const COMMON_CAPITALISED: ReadonlySet<string> = new Set(
  `a an the this that these those it its he she they we i you his her their our my your him them us
  and but or nor so yet for if as when while after before since until because although though however
  meanwhile moreover furthermore nevertheless nonetheless instead still also then now today tonight
  yesterday tomorrow thus hence indeed yes no not all some many most several each every any both other
  there here what which who whom whose where why how in on at by to of from with without into onto over
  under about above below between among against during through across along around near per via than
  like unlike versus vs
  mr mrs ms mx dr prof sir dame lord lady president vice prime minister chancellor general gen colonel
  col admiral captain capt major sergeant lieutenant secretary foreign defence defense interior finance
  king queen prince princess pope cardinal bishop senator sen rep representative governor mayor judge
  justice chief deputy ambassador commissioner spokesman spokeswoman spokesperson premier leader
  minister ministers officials official sources source monday tuesday wednesday thursday friday saturday
  sunday january february march april may june july august september october november december read
  more see watch listen share updated published breaking live news photo video opinion analysis
  according said says told asked added`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Lower-case particles that may sit inside a name ("Ursula von der Leyen", "Charles de Gaulle", "Guillermo
 * del Toro", "Freie und Hansestadt Hamburg"): the candidate finder keeps them inside a run, and the
 * matcher's corroboration rule does not take them for a word that distinguishes a name.
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'du', 'des', 'del', 'della', 'la', 'le', 'von', 'van', 'der', 'den', 'da', 'di', 'dos', 'bin', 'al', 'el', 'ter', 'zu', 'und',
]);

/**
 * First names (folded token keys: "brigitte", "eric", "zoe"), generated from compromise's lexicon by
 * `npm run build:pack` (lib/cli/build-given-names.ts). Words as often ordinary ("Grant", "Mark") are left
 * out there. Built into a set on first use, so loading the background does not pay for it.
 */
let givenNameSet: ReadonlySet<string> | null = null;

/** Whether a token key is a first name and nothing else ("brigitte", "eric"; not "grant"). */
export function isGivenName(key: string): boolean {
  givenNameSet ??= new Set(givenNames);
  return givenNameSet.has(key);
}

const OPENING_PUNCTUATION = new Set([0x22, 0x27, 0x28, 0x5b, 0x201c, 0x2018, 0xab, 0x2014, 0x2013, 0x2d, 0x2022]);
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x0a, 0x0d]);

/** Whether the word at `start` opens a sentence or a block, where capitals say nothing about names. */
export function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
    if (isSpaceCode(code) || OPENING_PUNCTUATION.has(code)) {
      i--;
      continue;
    }
    // Closing quotes after a full stop ("…said.” Starmer") still end the sentence.
    if (code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0x29) {
      i--;
      continue;
    }
    return SENTENCE_END.has(code);
  }
  return true;
}
