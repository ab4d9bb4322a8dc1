/**
 * Small string helpers shared by the extractor. Pure and platform-neutral: they run in Node (the
 * seed build), in the options page and in a Web Worker.
 */

/** Strips diacritics so "Jean-Noël Barrot" and "Jean-Noel Barrot" compare equal. */
export function foldDiacritics(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Curly quotes and apostrophes become straight ones, so patterns need only one form. */
export function straightenQuotes(value: string): string {
  return value.replace(/[‘’ʼ]/g, "'").replace(/[“”«»]/g, '"');
}

/** The key two spellings of one name share: folded, straight quotes, lower case, single spaces. */
export function nameKey(value: string): string {
  return straightenQuotes(foldDiacritics(value)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A URL- and id-safe slug of a name: "Jean-Noël Barrot" → "jean-noel-barrot". */
export function slugify(value: string): string {
  const slug = foldDiacritics(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 150) || 'unnamed';
}

/**
 * cyrb53: a fast 53-bit string hash, so ids derived from text are stable across runs and platforms
 * without Node's crypto (which a Web Worker does not have).
 */
export function hashText(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** True when the character is a letter or digit in any script, i.e. a name continues through it. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compares strings by code unit, so sorting does not depend on the runtime's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
