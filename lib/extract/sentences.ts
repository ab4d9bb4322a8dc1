import nlp from 'compromise';

/**
 * Longest sentence kept whole. A card shows the sentence, and an unpunctuated wall of text (a table, a
 * list scraped as one line) would otherwise become one enormous "sentence"; longer runs are cut at a
 * space before this length.
 */
export const MAX_SENTENCE_LENGTH = 1_000;

/** One sentence of an article, with its UTF-16 offset in the article text. */
export interface Sentence {
  text: string;
  start: number;
}

interface CompromiseJson {
  text: string;
  offset?: { start: number; length: number };
}

/** A name compromise recognised, with UTF-16 offsets in the article text. */
export interface NlpSpan {
  type: 'person' | 'organization' | 'place';
  start: number;
  end: number;
}

export interface ParsedText {
  sentences: Sentence[];
  /** compromise's people, organizations and places, when asked for. */
  spans: NlpSpan[];
}

/**
 * Splits an article into sentences. Line breaks always end a sentence (headlines and subheads carry
 * no full stop); within a line, compromise finds the boundaries, which knows abbreviations such as
 * "Mr." and "U.K.". Fragments without a letter (a stray ". .") are dropped.
 */
export function splitSentences(text: string): Sentence[] {
  return parseText(text, false).sentences;
}

/**
 * Sentences and, optionally, compromise's named entities, from one parse per line: parsing is most of
 * the extractor's cost, so each line is parsed once.
 */
export function parseText(text: string, withEntities: boolean): ParsedText {
  const sentences: Sentence[] = [];
  const spans: NlpSpan[] = [];
  const linePattern = /[^\n]+/g;
  for (let line = linePattern.exec(text); line; line = linePattern.exec(text)) {
    const lineText = line[0];
    if (!/\p{L}/u.test(lineText)) continue;
    const doc = nlp(lineText);
    const parts = doc.json({ offset: true }) as CompromiseJson[];
    let cursor = 0;
    for (const part of parts) {
      const found = part.text ? lineText.indexOf(part.text.trim(), cursor) : -1;
      const start = found >= 0 ? found : (part.offset?.start ?? cursor);
      const end = found >= 0 ? found + part.text.trim().length : start + (part.offset?.length ?? 0);
      cursor = Math.max(cursor, end);
      pushTrimmed(sentences, lineText, start, end, line.index);
    }
    if (!withEntities) continue;
    const groups: [CompromiseJson[], NlpSpan['type']][] = [
      [doc.people().json({ offset: true }) as CompromiseJson[], 'person'],
      [doc.organizations().json({ offset: true }) as CompromiseJson[], 'organization'],
      [doc.places().json({ offset: true }) as CompromiseJson[], 'place'],
    ];
    for (const [matches, type] of groups) {
      for (const match of matches) {
        if (!match.offset) continue;
        const start = line.index + match.offset.start;
        spans.push({ type, start, end: start + match.offset.length });
      }
    }
  }
  return { sentences: mergeFragments(sentences).flatMap(capLength), spans };
}

function capLength(sentence: Sentence): Sentence[] {
  if (sentence.text.length <= MAX_SENTENCE_LENGTH) return [sentence];
  const pieces: Sentence[] = [];
  let rest = sentence.text;
  let start = sentence.start;
  while (rest.length > MAX_SENTENCE_LENGTH) {
    const space = rest.lastIndexOf(' ', MAX_SENTENCE_LENGTH);
    const cut = space > MAX_SENTENCE_LENGTH / 2 ? space : MAX_SENTENCE_LENGTH;
    pieces.push({ text: rest.slice(0, cut).trimEnd(), start });
    const skipped = rest.slice(cut).length - rest.slice(cut).trimStart().length;
    start += cut + skipped;
    rest = rest.slice(cut + skipped);
  }
  if (/\p{L}/u.test(rest)) pieces.push({ text: rest, start });
  return pieces.filter((piece) => piece.text.length > 0);
}

function pushTrimmed(into: Sentence[], line: string, start: number, end: number, lineStart: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(line[from] ?? '')) from++;
  while (to > from && /\s/.test(line[to - 1] ?? '')) to--;
  if (to > from) into.push({ text: line.slice(from, to), start: lineStart + from });
}

/** A piece with no letters (". .") is not a sentence; a piece starting with "." belongs to nothing. */
function mergeFragments(sentences: Sentence[]): Sentence[] {
  const result: Sentence[] = [];
  for (const sentence of sentences) {
    const leading = /^[\s.·…]+/.exec(sentence.text)?.[0].length ?? 0;
    // "January 9. ." ends with the dots of an elided agency name: keep one full stop.
    const text = sentence.text.slice(leading).replace(/\.(?:\s*\.)+$/, '.');
    if (!/\p{L}/u.test(text)) continue;
    result.push({ text, start: sentence.start + leading });
  }
  return result;
}
