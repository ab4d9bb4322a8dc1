import nlp from 'compromise';

/** One sentence of an article, with its UTF-16 offset in the article text. */
export interface Sentence {
  text: string;
  start: number;
}

interface CompromiseSentenceJson {
  text: string;
  offset?: { start: number; length: number };
}

/**
 * Splits an article into sentences. Line breaks always end a sentence (headlines and subheads carry
 * no full stop); within a line, compromise finds the boundaries, which knows abbreviations such as
 * "Mr." and "U.K.". Fragments without a letter (a stray ". .") are dropped.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const linePattern = /[^\n]+/g;
  for (let line = linePattern.exec(text); line; line = linePattern.exec(text)) {
    const lineText = line[0];
    if (!/\p{L}/u.test(lineText)) continue;
    const parts = nlp(lineText).json({ offset: true }) as CompromiseSentenceJson[];
    let cursor = 0;
    for (const part of parts) {
      const found = part.text ? lineText.indexOf(part.text.trim(), cursor) : -1;
      const start = found >= 0 ? found : (part.offset?.start ?? cursor);
      const end = found >= 0 ? found + part.text.trim().length : start + (part.offset?.length ?? 0);
      cursor = Math.max(cursor, end);
      pushTrimmed(sentences, lineText, start, end, line.index);
    }
  }
  return mergeFragments(sentences);
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
