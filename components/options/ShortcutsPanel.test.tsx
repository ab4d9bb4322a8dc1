// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ShortcutsPanel } from './ShortcutsPanel';
import { fakeApi } from './test-api';

afterEach(cleanup);

describe('ShortcutsPanel', () => {
  it('lists each command with the key the browser bound, or says it has none', async () => {
    render(<ShortcutsPanel api={fakeApi()} />);
    const openCard = (await screen.findByText(/Open the Factcards card/)).closest('div') as HTMLElement;
    expect(within(openCard).getByText('Alt+Shift+F').tagName).toBe('KBD');
    const next = screen.getByText(/Go to the next name/).closest('div') as HTMLElement;
    expect(within(next).getByText('No key set')).toBeTruthy();
  });

  it("opens the browser's shortcut settings, where keys are changed", async () => {
    const api = fakeApi();
    render(<ShortcutsPanel api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change shortcuts…' }));
    expect(api.openShortcutSettings).toHaveBeenCalledOnce();
  });
});
