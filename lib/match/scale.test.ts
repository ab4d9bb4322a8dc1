import { describe, expect, it } from 'vitest';
import type { CompiledMatcher } from './compiled';
import { compileMatcher, findMentions, loadMatcher, type Mention } from './matcher';
import { generateSyntheticStore, generateSyntheticText } from './synthetic-store';

describe('a store of 10,000 entities and 30,000 aliases', () => {
  const store = generateSyntheticStore(10_000, 4);
  const matcher = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(store.entities, store.aliases))) as CompiledMatcher);

  it('is what the generator promises', () => {
    expect(store.entities).toHaveLength(10_000);
    expect(store.aliases).toHaveLength(30_000);
  });

  it('finds exactly the names written into 200 KB of text, in their page variants', () => {
    const { text, expected } = generateSyntheticText(store, 200_000, 12);
    expect(expected.length).toBeGreaterThan(2_000);
    expect(findMentions(text, matcher)).toEqual(expected);
  });

  it('finds every name and alias of every entity when written alone', () => {
    const lines: string[] = [];
    const expected: Mention[] = [];
    let position = 0;
    for (const entity of store.entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        expected.push({ start: position, end: position + name.length, entityId: entity.id, weak: false });
        lines.push(name);
        position += name.length + 2;
      }
    }
    expect(findMentions(lines.join(';\n'), matcher)).toEqual(expected);
  });
});
