import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits at full stops but not after abbreviations, and gives offsets into the text', () => {
    const text = 'When asked, Mr. Barrot said no. Planners meet in the U.K. on Thursday.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'When asked, Mr. Barrot said no.',
      'Planners meet in the U.K. on Thursday.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
  });

  it('ends a sentence at a line break, so headlines without a full stop stand alone', () => {
    const text = 'Send soldiers to Ukraine\nAfter a meeting in Paris, a declaration was adopted.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Send soldiers to Ukraine',
      'After a meeting in Paris, a declaration was adopted.',
    ]);
  });

  it('drops fragments without letters, such as a dateline\'s stray ". ."', () => {
    const text = 'PARIS, January 9. . French President Emmanuel Macron met party leaders.\n\n\n';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'PARIS, January 9.',
      'French President Emmanuel Macron met party leaders.',
    ]);
    expect(sentences.every((sentence) => /\p{L}/u.test(sentence.text))).toBe(true);
  });

  it('cuts an unpunctuated wall of text into sentences a card can show, at spaces', () => {
    const text = Array.from({ length: 1_000 }, () => 'word').join(' ');
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(4);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
      expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
      expect(sentence.text).toMatch(/^word.*word$/);
    }
  });
});
