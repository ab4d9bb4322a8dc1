// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HoverCard } from './HoverCard';

const ENTITY = { id: 'person:jean-noel-barrot', name: 'Jean-Noël Barrot', type: 'person' as const };

afterEach(cleanup);

describe('HoverCard', () => {
  it('names the entity at once while its card loads, and says it is loading', () => {
    render(<HoverCard entity={ENTITY} state={{ status: 'loading' }} theme="auto" onOpenInPopup={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Jean-Noël Barrot' });
    expect(dialog.getAttribute('data-entity-id')).toBe('person:jean-noel-barrot');
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
  });

  it('says why when the card cannot be shown', () => {
    render(<HoverCard entity={ENTITY} state={{ status: 'error', message: 'No entity has id "x".' }} theme="dark" onOpenInPopup={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe('No entity has id "x".');
    expect(screen.getByRole('dialog').getAttribute('data-theme')).toBe('dark');
  });

  it('shows the full card once loaded, with the action to open it in Factcards', () => {
    const card = { id: ENTITY.id, name: ENTITY.name, type: ENTITY.type, description: null, roles: [], aliases: ['Barrot'], articleCount: 3, contexts: [], contextCount: 0 };
    render(<HoverCard entity={ENTITY} state={{ status: 'ready', card }} theme="auto" onOpenInPopup={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Jean-Noël Barrot' }).getAttribute('aria-busy')).toBeNull();
    expect(screen.getByText('Mentioned in 3 articles')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open in Factcards' })).toBeTruthy();
  });
});
