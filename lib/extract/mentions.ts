/**
 * Finding every known name in a sentence: one pass over the words, looking up the names that start
 * with each word, so the cost grows with the text rather than with the size of the gazetteer.
 * Diacritics are folded on both sides; offsets are mapped back to the original text.
 */
import { foldDiacritics, isWordChar } from './text';

/** A surface form and what it names: a full name of one entity, or a surname shared by people. */
export interface SurfaceForm {
  text: string;
  entityIds: string[];
  kind: 'name' | 'surname';
}

export interface FoundMention {
  form: SurfaceForm;
  start: number;
  end: number;
}

interface PreparedForm {
  form: SurfaceForm;
  folded: string;
  lower: boolean;
}

/** Folds a text character by character, remembering where each folded character came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldDiacritics(char).replace(/[‘’ʼ]/g, "'");
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

function firstWordKey(folded: string): string {
  return (/^[\p{L}\p{N}]+/u.exec(folded)?.[0] ?? folded.slice(0, 1)).toLowerCase();
}

/** An index of surface forms by their first word. */
export class FormIndex {
  private readonly byFirstWord = new Map<string, PreparedForm[]>();

  add(form: SurfaceForm): void {
    const folded = foldDiacritics(form.text).replace(/[‘’ʼ]/g, "'");
    if (!folded.trim()) return;
    const key = firstWordKey(folded);
    const list = this.byFirstWord.get(key) ?? [];
    list.push({ form, folded, lower: folded === folded.toLowerCase() });
    this.byFirstWord.set(key, list);
  }

  /**
   * Non-overlapping mentions, left to right, longest first. Case matters for capitalised forms (so
   * "US" is not "us") except that an all-capitals text ("PARIS") still matches; lower-case forms such
   * as "coalition of the willing" match in any case.
   */
  find(text: string): FoundMention[] {
    const { folded, origin } = foldWithMap(text);
    const found: FoundMention[] = [];
    let position = 0;
    while (position < folded.length) {
      if (!isWordChar(folded[position]) || isWordChar(folded[position - 1])) {
        position++;
        continue;
      }
      const candidates = this.byFirstWord.get(firstWordKey(folded.slice(position, position + 64))) ?? [];
      let best: PreparedForm | null = null;
      for (const candidate of candidates) {
        const length = candidate.folded.length;
        if (best && length <= best.folded.length) continue;
        const segment = folded.slice(position, position + length);
        if (segment.length !== length) continue;
        const endsWord = !isWordChar(folded[position + length]) || !isWordChar(candidate.folded[length - 1]);
        if (!endsWord) continue;
        const same =
          segment === candidate.folded ||
          (candidate.lower && segment.toLowerCase() === candidate.folded) ||
          (candidate.folded.length > 3 && segment === candidate.folded.toUpperCase());
        if (same) best = candidate;
      }
      if (best) {
        const start = origin[position] ?? 0;
        const end = origin[position + best.folded.length] ?? text.length;
        found.push({ form: best.form, start, end });
        position += best.folded.length;
      } else position++;
    }
    return found;
  }
}
