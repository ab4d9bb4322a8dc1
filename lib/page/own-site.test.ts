// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { namesTheSite, readSiteName, siteHostLabels, type SiteName } from './own-site';

afterEach(() => {
  document.head.innerHTML = '';
});

/** The site a page of `hostname` states, with metadata naming it `metaName`. */
function site(metaName: string, hostname = ''): SiteName {
  document.head.innerHTML = metaName ? `<meta property="og:site_name" content="${metaName}">` : '';
  return { keys: readSiteName(document)?.keys ?? [], hostLabels: siteHostLabels(hostname) };
}

describe('readSiteName', () => {
  it('reads the site name pages give link previews, else the one they give the browser, without its article', () => {
    document.head.innerHTML = '<meta name="application-name" content="Le Monde.fr"><meta property="og:site_name" content="the Guardian">';
    expect(readSiteName(document)?.keys).toEqual(['guardian']);
    document.head.innerHTML = '<meta name="application-name" content="Le Monde.fr">';
    expect(readSiteName(document)?.keys).toEqual(['monde', 'fr']);
  });

  it('reads only the head of an absurdly long site name', () => {
    document.head.innerHTML = `<meta property="og:site_name" content="BBC News ${'word '.repeat(100_000)}">`;
    const keys = readSiteName(document)?.keys ?? [];
    expect(keys.slice(0, 3)).toEqual(['bbc', 'news', 'word']);
    expect(keys.length).toBeLessThan(50);
  });

  it('is null for a page on no named host that names no site, or names it with no words', () => {
    expect(readSiteName(document)).toBeNull();
    document.head.innerHTML = '<meta property="og:site_name" content=" – ">';
    expect(readSiteName(document)).toBeNull();
  });
});

describe('siteHostLabels', () => {
  it('keeps the labels that can spell a name: no www, top-level domain, short label or number', () => {
    expect(siteHostLabels('news.bbc.co.uk')).toEqual(['news', 'bbc']);
    expect(siteHostLabels('www.LeMonde.fr')).toEqual(['lemonde']);
    expect(siteHostLabels('127.0.0.1')).toEqual([]);
    expect(siteHostLabels('localhost')).toEqual([]);
    expect(siteHostLabels('')).toEqual([]);
  });
});

describe('namesTheSite', () => {
  it('takes the head of the site name, in any case, with or without diacritics and article', () => {
    expect(namesTheSite('BBC', site('BBC News'))).toBe(true);
    expect(namesTheSite('Le Monde', site('Le Monde.fr'))).toBe(true);
    expect(namesTheSite('The Guardian', site('the Guardian'))).toBe(true);
    expect(namesTheSite('la Dépêche', site('La Dépêche du Midi'))).toBe(true);
  });

  it('takes a name its host spells whole, with or without its article', () => {
    expect(namesTheSite('BBC', site('', 'news.bbc.co.uk'))).toBe(true);
    expect(namesTheSite('The Guardian', site('', 'www.theguardian.com'))).toBe(true);
    expect(namesTheSite('Le Monde', site('', 'www.lemonde.fr'))).toBe(true);
    expect(namesTheSite('Libération', site('', 'www.liberation.fr'))).toBe(true);
  });

  it('takes a name its host spells with some words by their initials', () => {
    expect(namesTheSite('The New York Times', site('', 'www.nytimes.com'))).toBe(true);
    expect(namesTheSite('The Wall Street Journal', site('', 'www.wsj.com'))).toBe(true);
    expect(namesTheSite('Los Angeles Times', site('', 'www.latimes.com'))).toBe(true);
    expect(namesTheSite('Agence France-Presse', site('', 'www.afp.com'))).toBe(true);
  });

  it('leaves other names alone: another outlet, a word further into the site name, a longer name, part of a host', () => {
    expect(namesTheSite('Le Parisien', site('Le Monde.fr', 'www.lemonde.fr'))).toBe(false);
    expect(namesTheSite('News', site('BBC News'))).toBe(false);
    expect(namesTheSite('BBC World Service', site('BBC News', 'www.bbc.co.uk'))).toBe(false);
    expect(namesTheSite('The New York Post', site('', 'www.nytimes.com'))).toBe(false);
    expect(namesTheSite('Times', site('', 'www.nytimes.com'))).toBe(false);
    expect(namesTheSite('New York', site('', 'www.nytimes.com'))).toBe(false);
    expect(namesTheSite('Monde', site('', 'www.lemonde.fr'))).toBe(false);
    expect(namesTheSite('', site('BBC'))).toBe(false);
  });
});
