/**
 * Text normalisation shared by the alias compiler, the page matcher and the fuzzy resolver.
 *
 * Matching works on tokens: maximal runs of word characters (Unicode letters, digits and combining marks).
 * A token's position in the original text never changes; only its *key* (the folded form looked up in the
 * matcher) is normalised. That is why folding can change lengths freely (NFKD, "ß" → "ss") without ever
 * shifting an offset: offsets are token boundaries in the untouched input.
 *
 * Surrogate pairs are treated as separators: names on news pages are in the Basic Multilingual Plane,
 * and emoji must never glue two words into one token.
 */

/** Per-code-unit classes, cached in a table: 0 not yet known, 1 word, 2 other. */
const CharClass = { Unknown: 0, Word: 1, Other: 2 } as const;

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
const UPPERCASE_LETTER = /^[\p{Lu}\p{Lt}]$/u;
const LOWERCASE_LETTER = /^\p{Ll}$/u;

/** U+02BC MODIFIER LETTER APOSTROPHE is a letter to Unicode but an apostrophe on news pages. */
const MODIFIER_LETTER_APOSTROPHE = 0x02bc;

const charClasses = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) {
  const isWord = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  charClasses[code] = isWord ? CharClass.Word : CharClass.Other;
}
charClasses[MODIFIER_LETTER_APOSTROPHE] = CharClass.Other;
for (let code = 0xd800; code <= 0xdfff; code++) charClasses[code] = CharClass.Other;
/**
 * Invisible characters that sit inside words: the soft hyphen sites and hyphenation tools insert for line
 * breaking ("Mac\u00ADron"), zero-width space, non-joiner and joiner, word joiner, and the BOM as a
 * zero-width no-break space. They belong to the word around them and fold to nothing.
 */
for (const code of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) charClasses[code] = CharClass.Word;

/** Whether the UTF-16 code unit belongs to a word token (classes are computed once per code unit). */
export function isWordCode(code: number): boolean {
  let charClass: number | undefined = charClasses[code];
  if (charClass === CharClass.Unknown || charClass === undefined) {
    charClass = WORD_CHAR.test(String.fromCharCode(code)) ? CharClass.Word : CharClass.Other;
    charClasses[code] = charClass;
  }
  return charClass === CharClass.Word;
}

/**
 * Letters that Unicode does not decompose into a base letter plus marks, folded the way readers expect
 * (a page that writes "Lokke" means "Løkke").
 */
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŀ: 'l',
  Ŀ: 'l',
  // Greek final sigma is the same letter as σ; capitals fold to σ, so the final form must too.
  ς: 'σ',
};

const foldCache = new Map<number, string>();

/** The folded form of one word code unit: lower case, no diacritics, compatibility forms expanded. */
export function foldCode(code: number): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : String.fromCharCode(code);
  let folded = foldCache.get(code);
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    folded =
      SPECIAL_FOLDS[char] ??
      char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
    foldCache.set(code, folded);
  }
  return folded;
}

/** The lookup key of the token text[start, end): folded, or '' when it folds to nothing. */
export function tokenKey(text: string, start: number, end: number): string {
  let ascii = true;
  let hasUpper = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      ascii = false;
      break;
    }
    if (code >= 65 && code <= 90) hasUpper = true;
  }
  if (ascii) {
    const slice = text.slice(start, end);
    return hasUpper ? slice.toLowerCase() : slice;
  }
  let key = '';
  for (let i = start; i < end; i++) key += foldCode(text.charCodeAt(i));
  return key;
}

/** Whether the token has an upper-case letter and no lower-case one ("US", "NATO", "G7", "MACRON"). */
export function isAllCapsToken(text: string, start: number, end: number): boolean {
  let hasUpper = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) return false;
      if (code >= 65 && code <= 90) hasUpper = true;
    } else {
      const char = String.fromCharCode(code);
      if (LOWERCASE_LETTER.test(char)) return false;
      if (UPPERCASE_LETTER.test(char)) hasUpper = true;
    }
  }
  return hasUpper;
}

/** Whether text[start, end) holds an upper-case letter anywhere ("Trump", "le Monde"; not "trump card"). */
export function hasUpperCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isUpperCode(text.charCodeAt(i))) return true;
  return false;
}

/** Whether the code unit starts a capitalised word. */
export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return UPPERCASE_LETTER.test(String.fromCharCode(code));
}

/**
 * Characters allowed between two tokens of one multi-word name: spaces (including no-break and thin
 * spaces and line breaks between text nodes), hyphens and dashes ("Jean-Noël" = "Jean Noël" =
 * "Jean–Noël"), apostrophes ("d’Estaing" = "d'Estaing") and the period of abbreviations ("U.S.", "St.").
 */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x2009 ||
    code === 0x200a ||
    code === 0x202f ||
    code === 0x2007
  );
}

export function isJoinerPunctuation(code: number): boolean {
  return (
    code === 0x2d || // hyphen-minus
    code === 0x2010 || // hyphen
    code === 0x2011 || // non-breaking hyphen
    code === 0x2012 || // figure dash
    code === 0x2013 || // en dash
    code === 0x27 || // apostrophe
    code === 0x2019 || // right single quotation mark
    code === 0x2018 ||
    code === MODIFIER_LETTER_APOSTROPHE ||
    code === 0x2e // period
  );
}

/** The longest gap between two words of one name: "U.S. Army" has ". " between "S" and "Army". */
export const MAX_JOINER_LENGTH = 3;

/** A period joins words only after an initial or abbreviation ("F. Pyshox", "St. Petersburg", "U.S."). */
export const MAX_ABBREVIATION_LENGTH = 3;

/**
 * Whether text[start, end) may join two words of one name: 1–3 characters, spaces around at most one
 * hyphen, dash, apostrophe or period, the period only after a short word, so "Paris. Match report"
 * is not "Paris Match".
 */
export function isJoiner(text: string, start: number, end: number, previousWordLength: number): boolean {
  const length = end - start;
  if (length < 1 || length > MAX_JOINER_LENGTH) return false;
  let punctuation = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) continue;
    if (!isJoinerPunctuation(code) || ++punctuation > 1) return false;
    if (code === 0x2e && previousWordLength > MAX_ABBREVIATION_LENGTH) return false;
  }
  return true;
}

/** A token of a string: [start, end) in UTF-16 code units. */
export interface TokenSpan {
  start: number;
  end: number;
}

/** Splits text into word tokens (used for aliases and names; the page matcher scans inline instead). */
export function tokenize(text: string): TokenSpan[] {
  const tokens: TokenSpan[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isWord = i < text.length && isWordCode(text.charCodeAt(i));
    if (isWord && start < 0) start = i;
    else if (!isWord && start >= 0) {
      tokens.push({ start, end: i });
      start = -1;
    }
  }
  return tokens;
}

/** Articles that begin names ("The Guardian", "Le Monde", "Der Spiegel"), as token keys. */
export const NAME_ARTICLE_KEYS: ReadonlySet<string> = new Set(['the', 'le', 'la', 'les', 'l', 'el', 'il', 'lo', 'los', 'las', 'die', 'der', 'das']);

/** Folded keys of a name's tokens, dropping tokens that fold to nothing (a lone combining mark). */
export function nameKeys(name: string): string[] {
  const keys: string[] = [];
  for (const token of tokenize(name)) {
    const key = tokenKey(name, token.start, token.end);
    if (key !== '') keys.push(key);
  }
  return keys;
}

/** Folded form of a whole name for comparisons: keys joined by single spaces ("Jean-Noël" → "jean noel"). */
export function foldName(name: string): string {
  return nameKeys(name).join(' ');
}
