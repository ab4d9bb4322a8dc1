/**
 * Search folding: lower case and no diacritics, one UTF-16 code unit in, one code unit out.
 *
 * Keeping the length is the point: fuse.js reports match ranges in the text it searched, and because the
 * folded text lines up with the displayed text character for character, those ranges emphasise the right
 * letters of the name the reader sees ("Barrot" in "Jean-Noël Barrot" for the query "barot").
 * The per-character fold is the matcher's (`foldCode`), so search and page matching agree on what
 * "the same letter" means; where that fold expands a letter ("ß" → "ss") search keeps its first letter.
 */
import { foldCode, isWordCode, tokenize } from '../match/normalize';

/** The text the reader sees, in composed form, so that one letter with its accent is one code unit. */
export function displayForm(text: string): string {
  return text.normalize('NFC');
}

const FOLDABLE = /[A-Z\u0080-\uffff]/g;

function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) return String.fromCharCode(code + 32);
  // Punctuation folds to nothing: a space keeps the offsets and still separates words.
  const folded = isWordCode(code) ? foldCode(code).charAt(0) : '';
  return folded === '' ? ' ' : folded;
}

/** Folds `text` (already in display form) without changing its length. */
export function foldForSearch(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** The word tokens of folded text: runs of letters and digits, as the matcher's `tokenize` cuts them. */
export function foldedTokens(folded: string): string[] {
  return tokenize(folded).map(({ start, end }) => folded.slice(start, end));
}
