// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardContext, EntityCard as EntityCardData } from '../lib/messaging/protocol';
import { EntityCard } from './EntityCard';

function context(overrides: Partial<CardContext>): CardContext {
  return {
    sentence: 'General Fabien Mandon said the army must be ready.',
    start: 8,
    end: 21,
    eventDate: null,
    publishedAt: { date: '2025-11-19', precision: 'day' },
    outlet: 'Le Monde',
    url: 'https://www.lemonde.fr/a',
    articleId: 'a1',
    articleTitle: 'Army chief warns',
    attributedTo: null,
    ...overrides,
  };
}

const MANDON: EntityCardData = {
  id: 'fabien-mandon',
  name: 'Fabien Mandon',
  type: 'person',
  description: 'French general',
  roles: [
    { title: 'Chief of the General Staff of the French Armed Forces', asOf: { date: '2026-01-01', precision: 'month' }, articleId: 'a2' },
    { title: 'Chief of staff to the President', asOf: { date: '2024-01-01', precision: 'year' }, articleId: 'a1' },
  ],
  aliases: ['General Mandon', 'Mandon'],
  articleCount: 2,
  contexts: [
    context({ articleId: 'a1', publishedAt: { date: '2024-11-22', precision: 'day' } }),
    context({
      articleId: 'a2',
      sentence: 'Mandon spoke to mayors, according to Le Parisien.',
      start: 0,
      end: 6,
      eventDate: { date: '2026-01-01', precision: 'month' },
      outlet: 'AFP',
      url: 'javascript:alert(1)',
      articleTitle: 'Mayors briefed',
      attributedTo: 'Le Parisien',
    }),
    context({ articleId: 'a3', publishedAt: null, eventDate: null, outlet: 'unknown', url: null, articleTitle: 'Undated piece' }),
  ],
  contextCount: 5,
};

afterEach(cleanup);

describe('EntityCard', () => {
  it('names the entity in its heading and labels the hover dialog with it', () => {
    const { container } = render(<EntityCard card={MANDON} variant="hover" />);
    const dialog = screen.getByRole('dialog', { name: 'Fabien Mandon' });
    expect(dialog.getAttribute('data-entity-id')).toBe('fabien-mandon');
    expect(screen.getByRole('heading').textContent).toBe('Fabien Mandon');
    expect(container.querySelector('[data-entity-id]')).toBe(dialog);
  });

  it('is a region, not a dialog, in the full view', () => {
    render(<EntityCard card={MANDON} variant="full" headingId="entity-title" />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Fabien Mandon' })).toBeTruthy();
    expect(document.getElementById('entity-title')?.textContent).toBe('Fabien Mandon');
  });

  it('shows type, the newest role with its as-of date, aliases and the article count', () => {
    render(<EntityCard card={MANDON} variant="hover" />);
    expect(screen.getByText('Person')).toBeTruthy();
    const role = screen.getByText(/Chief of the General Staff/);
    expect(role.textContent).toBe('Chief of the General Staff of the French Armed Forces · as of January 2026');
    expect(role.querySelector('time')?.getAttribute('datetime')).toBe('2026-01');
    expect(screen.getByText('French general')).toBeTruthy();
    expect(screen.getByText(/General Mandon, Mandon/)).toBeTruthy();
    expect(screen.getByText('Mentioned in 2 articles')).toBeTruthy();
  });

  it('lists contexts newest first, dated by event date else publication date', () => {
    render(<EntityCard card={MANDON} variant="hover" />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.fc-context__meta')?.textContent)).toEqual([
      'January 2026AFPaccording to Le Parisien',
      '22 November 2024Le Monde',
      'date unknownoutlet unknown',
    ]);
    expect(items[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2024-11-22');
    expect(screen.getByText('2 more contexts in Factcards')).toBeTruthy();
  });

  it('emphasises the mention in the sentence', () => {
    render(<EntityCard card={MANDON} variant="hover" />);
    const marks = document.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['Mandon', 'Fabien Mandon', 'Fabien Mandon']);
    expect(marks[1]?.parentElement?.textContent).toBe('General Fabien Mandon said the army must be ready.');
  });

  it('links only http(s) article URLs', () => {
    render(<EntityCard card={MANDON} variant="hover" />);
    const links = screen.getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([['Army chief warns', 'https://www.lemonde.fr/a']]);
    expect(screen.getByText('Mayors briefed').tagName).not.toBe('A');
  });

  it('renders hostile strings as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const card = { ...MANDON, name: hostile, contexts: [context({ sentence: `${hostile} Mandon`, start: hostile.length + 1, end: hostile.length + 7 })] };
    const { container } = render(<EntityCard card={card} variant="hover" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe(hostile);
  });

  it('leaves the sentence unmarked when the offsets do not fit it', () => {
    render(<EntityCard card={{ ...MANDON, contexts: [context({ start: 40, end: 400 })] }} variant="hover" />);
    expect(document.querySelector('mark')).toBeNull();
    expect(screen.getByText('General Fabien Mandon said the army must be ready.')).toBeTruthy();
  });

  it('offers "Open in Factcards" only when it can act on it', () => {
    const open = vi.fn();
    const { rerender } = render(<EntityCard card={MANDON} variant="hover" />);
    expect(screen.queryByRole('button', { name: 'Open in Factcards' })).toBeNull();
    rerender(<EntityCard card={MANDON} variant="hover" onOpenInPopup={open} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in Factcards' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('carries the theme override for the stylesheet', () => {
    const { rerender } = render(<EntityCard card={MANDON} variant="hover" theme="dark" />);
    expect(screen.getByRole('dialog').getAttribute('data-theme')).toBe('dark');
    rerender(<EntityCard card={MANDON} variant="hover" theme="auto" />);
    expect(screen.getByRole('dialog').hasAttribute('data-theme')).toBe(false);
  });

  it('says when an entity has no stored context and mentions a single article in the singular', () => {
    render(<EntityCard card={{ ...MANDON, articleCount: 1, contexts: [], contextCount: 0 }} variant="hover" />);
    expect(screen.getByText('Mentioned in 1 article')).toBeTruthy();
    expect(screen.getByText('No dated context stored yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
