/**
 * Small hand-made packs for the store's tests: two newsrooms that overlap the way real packs do (the same
 * article under the same URL, the same text under another URL, one person with and without diacritics,
 * two people sharing a surname).
 */
import type { Pack } from '../pack/schema';

const day = (date: string) => ({ date, precision: 'day' as const });

export const NEWS_A_TEXT_2 =
  'President Emmanuel Macron met the press on Friday. Jean-Noël Barrot said the talks would continue.';

export function newsPackA(): Pack {
  return {
    formatVersion: 1,
    id: 'news-a',
    name: 'News A',
    description: 'Two articles from newsroom A.',
    created: '2026-01-12T08:00:00.000Z',
    source: 'newsroom A',
    articles: [
      {
        id: 'a1',
        title: 'Barrot in Kyiv',
        outlet: 'Le Monde',
        url: 'https://a.example/barrot-kyiv',
        publishedAt: day('2024-11-26'),
        language: 'en',
        text: 'French Foreign Minister Jean-Noël Barrot visited Kyiv on November 22, Le Monde reports.',
        citedOutlets: [],
      },
      {
        id: 'a2',
        title: 'Talks continue',
        outlet: 'Le Parisien',
        url: 'https://a.example/talks',
        publishedAt: day('2026-01-10'),
        language: 'en',
        text: NEWS_A_TEXT_2,
        citedOutlets: ['AFP'],
      },
    ],
    entities: [
      {
        id: 'barrot',
        name: 'Jean-Noël Barrot',
        type: 'person',
        aliases: ['Barrot'],
        description: 'French Foreign Minister.',
        roles: [{ title: 'French Foreign Minister', asOf: day('2024-11-26'), articleId: 'a1' }],
      },
      {
        id: 'macron',
        name: 'Emmanuel Macron',
        type: 'person',
        aliases: ['Macron'],
        description: null,
        roles: [{ title: 'President', asOf: day('2026-01-10'), articleId: 'a2' }],
      },
      { id: 'kyiv', name: 'Kyiv', type: 'place', aliases: ['Kiev'], description: null, roles: [] },
    ],
    contexts: [
      {
        entityId: 'barrot',
        articleId: 'a1',
        sentence: 'French Foreign Minister Jean-Noël Barrot visited Kyiv on November 22, Le Monde reports.',
        start: 24,
        end: 40,
        eventDate: day('2024-11-22'),
        attributedTo: 'Le Monde',
      },
      {
        entityId: 'kyiv',
        articleId: 'a1',
        sentence: 'French Foreign Minister Jean-Noël Barrot visited Kyiv on November 22, Le Monde reports.',
        start: 49,
        end: 53,
        eventDate: day('2024-11-22'),
        attributedTo: 'Le Monde',
      },
      {
        entityId: 'macron',
        articleId: 'a2',
        sentence: 'President Emmanuel Macron met the press on Friday.',
        start: 10,
        end: 25,
        eventDate: null,
        attributedTo: null,
      },
      {
        entityId: 'barrot',
        articleId: 'a2',
        sentence: 'Jean-Noël Barrot said the talks would continue.',
        start: 0,
        end: 16,
        eventDate: null,
        attributedTo: null,
      },
    ],
  };
}

export function newsPackB(): Pack {
  return {
    formatVersion: 1,
    id: 'news-b',
    name: 'News B',
    description: 'Newsroom B, which reprints some of A.',
    created: '2026-02-01T08:00:00.000Z',
    source: 'newsroom B',
    articles: [
      {
        id: 'b1',
        title: 'Barrot in Kyiv (reprint)',
        outlet: 'Le Monde',
        url: 'https://a.example/barrot-kyiv',
        publishedAt: day('2024-11-26'),
        language: 'en',
        text: 'Jean-Noel Barrot visited Kyiv.',
        citedOutlets: [],
      },
      {
        id: 'b2',
        title: 'Talks continue (syndicated)',
        outlet: 'Ouest-France',
        url: 'https://b.example/talks',
        publishedAt: day('2026-01-10'),
        language: 'en',
        // The same text as A's a2, re-wrapped: a duplicate under another URL.
        text: NEWS_A_TEXT_2.replace('. ', '.\n\n'),
        citedOutlets: [],
      },
      {
        id: 'b3',
        title: 'A new cabinet',
        outlet: 'Reuters',
        url: 'https://b.example/cabinet',
        publishedAt: day('2026-02-01'),
        language: 'en',
        text: 'Sébastien Lecornu named Jean-Noel Barrot again. Brigitte Macron attended.',
        citedOutlets: [],
      },
    ],
    entities: [
      {
        id: 'jn-barrot',
        name: 'Jean-Noel Barrot',
        type: 'person',
        aliases: ['J.-N. Barrot'],
        description: null,
        roles: [
          { title: 'Foreign Minister', asOf: day('2026-02-01'), articleId: 'b3' },
          { title: 'Minister', asOf: day('2024-11-26'), articleId: 'b1' },
        ],
      },
      { id: 'lecornu', name: 'Sébastien Lecornu', type: 'person', aliases: ['Lecornu'], description: 'Prime Minister.', roles: [] },
      { id: 'brigitte', name: 'Brigitte Macron', type: 'person', aliases: ['Macron'], description: null, roles: [] },
    ],
    contexts: [
      { entityId: 'jn-barrot', articleId: 'b1', sentence: 'Jean-Noel Barrot visited Kyiv.', start: 0, end: 16, eventDate: null, attributedTo: null },
      {
        entityId: 'jn-barrot',
        articleId: 'b3',
        sentence: 'Sébastien Lecornu named Jean-Noel Barrot again.',
        start: 24,
        end: 40,
        eventDate: null,
        attributedTo: null,
      },
      {
        entityId: 'lecornu',
        articleId: 'b3',
        sentence: 'Sébastien Lecornu named Jean-Noel Barrot again.',
        start: 0,
        end: 17,
        eventDate: null,
        attributedTo: null,
      },
      { entityId: 'brigitte', articleId: 'b3', sentence: 'Brigitte Macron attended.', start: 0, end: 15, eventDate: null, attributedTo: null },
    ],
  };
}
