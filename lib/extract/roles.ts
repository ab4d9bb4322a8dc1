/**
 * Roles from titles and appositions around a person's mention: "French Foreign Minister Jean-Noel
 * Barrot", "Elie Tenenbaum, Director of the Center for Security Studies at …", "Chief of the General
 * Staff of the French Armed Forces, General Fabien Mandon". The caller dates them by the article.
 */
import { TITLE_WORDS } from './lexicon';

/** Honorifics and qualifiers are not roles on their own. */
const NOT_ROLES = new Set(['by', 'par', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'then', 'former', 'state']);
const ROLE_WORDS = new Set([...TITLE_WORDS].filter((word) => !NOT_ROLES.has(word)));
/** Words that say the role is no longer held, so the article's date would misdate it. */
const PAST_QUALIFIERS = /\b(?:then|former|ex|late|previous)\s*$/i;
const HONORIFIC_BEFORE = /(?:\b(?:General|Admiral|Colonel|Marshal|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Sir|Dame)\s+)$/;

function bare(word: string): string {
  return word.toLowerCase().replace(/[’']s$/, '').replace(/[.,]$/, '');
}

function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(bare(word));
}

/** A clean, displayable title: no parentheses, single spaces, first letter capitalised. */
export function cleanRoleTitle(title: string): string | null {
  const cleaned = title
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[\s,;:.]+$/, '')
    .trim();
  if (cleaned.length < 3 || cleaned.length > 160) return null;
  const words = cleaned.split(' ');
  if (words.length === 1 && !/[’']s$/.test(cleaned)) return null;
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/**
 * The titles a sentence gives the person mentioned at [start, end). `otherPeople` are the offsets of
 * other people's mentions, so one person's apposition is never read as another's.
 */
export function findRoles(sentence: string, start: number, end: number, otherPeople: number[]): string[] {
  const roles: string[] = [];
  const before = sentence.slice(0, start).replace(HONORIFIC_BEFORE, '');

  // 1. A title right before the name: walk back over capitalised words, "of"/"the" and title words.
  {
    const tokens = before.split(/(\s+)/);
    const taken: string[] = [];
    let consumed = 0;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i] ?? '';
      if (/^\s*$/.test(token)) {
        consumed += token.length;
        continue;
      }
      const plain = /^[\p{Lu}][\p{L}\p{M}’'.-]*$/u.test(token) || /^(?:of|the)$/.test(token) || isRoleWord(token);
      if (!plain) break;
      taken.unshift(token);
      consumed += token.length;
    }
    while (taken.length > 0 && /^(?:of|the)$/.test(taken[0] ?? '')) taken.shift();
    const lastWord = taken[taken.length - 1] ?? '';
    const firstWord = taken[0] ?? '';
    const precededBy = before.slice(0, before.length - consumed);
    const shapeOk = isRoleWord(lastWord) || (isRoleWord(firstWord) && taken[1] === 'of');
    if (taken.length > 0 && shapeOk && taken.some(isRoleWord) && !PAST_QUALIFIERS.test(precededBy)) {
      const title = cleanRoleTitle(taken.join(' '));
      if (title) roles.push(title);
    }
  }

  // 2. An apposition before the name: "Chief of the General Staff of …, General Fabien Mandon".
  const beforeComma = /([^,;:]*),\s*$/.exec(before);
  if (beforeComma?.[1]) {
    const phrase = beforeComma[1];
    const heads = [...phrase.matchAll(/\b(\p{L}+)\s+of\b/gu)].filter((match) => isRoleWord(match[1] ?? ''));
    // The last title word wins: "head of the Ministry … Catherine Vautrin and Chief of the General Staff …, General Fabien Mandon".
    const head = heads[heads.length - 1];
    if (head && !PAST_QUALIFIERS.test(phrase.slice(0, head.index))) {
      const title = cleanRoleTitle(phrase.slice(head.index));
      if (title) roles.push(title);
    }
  }

  // 3. An apposition after the name: "Elie Tenenbaum, Director of the Center for …".
  const after = /^\s*,\s+((?:the\s+)?(\p{L}+)\b(?:\([^)]*\)|[^,;.()])*(?:\([^)]*\)[^,;.()]*)*)/u.exec(sentence.slice(end));
  if (after?.[1] && after[2] && isRoleWord(after[2])) {
    const phraseStart = end + sentence.slice(end).indexOf(after[1]);
    const phraseEnd = phraseStart + after[1].length;
    if (!otherPeople.some((offset) => offset >= phraseStart && offset < phraseEnd)) {
      const title = cleanRoleTitle(after[1]);
      if (title) roles.push(title);
    }
  }
  return roles;
}
