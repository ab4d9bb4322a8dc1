// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { namesTheSite, siteNameKeys } from './own-site';

afterEach(() => {
  document.head.innerHTML = '';
});

describe('siteNameKeys', () => {
  it('reads the site name pages give link previews, else the one they give the browser, without its article', () => {
    document.head.innerHTML = '<meta name="application-name" content="Le Monde.fr"><meta property="og:site_name" content="the Guardian">';
    expect(siteNameKeys(document)).toEqual(['guardian']);
    document.head.innerHTML = '<meta name="application-name" content="Le Monde.fr">';
    expect(siteNameKeys(document)).toEqual(['monde', 'fr']);
  });

  it('reads only the head of an absurdly long site name', () => {
    document.head.innerHTML = `<meta property="og:site_name" content="BBC News ${'word '.repeat(100_000)}">`;
    const keys = siteNameKeys(document) ?? [];
    expect(keys.slice(0, 3)).toEqual(['bbc', 'news', 'word']);
    expect(keys.length).toBeLessThan(50);
  });

  it('is null for a page that names no site, or names it with no words', () => {
    expect(siteNameKeys(document)).toBeNull();
    document.head.innerHTML = '<meta property="og:site_name" content=" – ">';
    expect(siteNameKeys(document)).toBeNull();
  });
});

describe('namesTheSite', () => {
  it('takes the site name or its head, in any case, with or without diacritics and article', () => {
    expect(namesTheSite('BBC', ['bbc', 'news'])).toBe(true);
    expect(namesTheSite('Le Monde', ['monde', 'fr'])).toBe(true);
    expect(namesTheSite('The Guardian', ['guardian'])).toBe(true);
    expect(namesTheSite('la Dépêche', ['depeche', 'du', 'midi'])).toBe(true);
  });

  it('leaves other names alone: another outlet, a word further into the site name, a longer name', () => {
    expect(namesTheSite('Le Parisien', ['monde', 'fr'])).toBe(false);
    expect(namesTheSite('News', ['bbc', 'news'])).toBe(false);
    expect(namesTheSite('BBC World Service', ['bbc', 'news'])).toBe(false);
    expect(namesTheSite('', ['bbc'])).toBe(false);
  });
});
