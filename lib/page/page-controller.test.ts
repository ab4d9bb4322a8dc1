// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { PageController, type PageEnvironment } from './page-controller';

/** The extension's side, faked: settings are read through a spy, and no text has a known name. */
function fakeEnvironment(): PageEnvironment & { getSettings: ReturnType<typeof vi.fn> } {
  return {
    matchText: async () => ({ ok: true, value: { entities: [], mentions: [], candidates: [] } }),
    resolveFuzzy: async (candidates) => ({ ok: true, value: candidates.map(() => null) }),
    getCard: async () => ({ ok: false, error: { code: 'not-found', message: 'none' } }),
    openInPopup: () => undefined,
    getSettings: vi.fn(async () => DEFAULT_SETTINGS),
    watchSettings: () => () => undefined,
    watchMatcherRevision: () => () => undefined,
    cardUiUrl: '/card-ui.js',
    skipMultiColumn: false,
  };
}

describe('PageController', () => {
  const stops: AbortController[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop.abort();
    document.body.innerHTML = '';
  });

  it('sets nothing up in a document without text (an empty frame) until text arrives', async () => {
    document.body.innerHTML = '<div class="ad-slot"></div>';
    const env = fakeEnvironment();
    const stop = new AbortController();
    stops.push(stop);
    const controller = new PageController(document, env, stop.signal, performance.now());
    const started = controller.start();
    controller.startupDone();
    await new Promise((done) => setTimeout(done, 20));
    expect(env.getSettings).not.toHaveBeenCalled();
    expect(controller.isRunning()).toBe(false);

    document.querySelector('.ad-slot')?.append(Object.assign(document.createElement('p'), { textContent: 'General Mandon spoke.' }));
    await started;
    expect(env.getSettings).toHaveBeenCalledTimes(1);
    expect(controller.isRunning()).toBe(true);
  });

  it('reads the settings at once in a document with text', async () => {
    document.body.innerHTML = '<p>General Mandon spoke.</p>';
    const env = fakeEnvironment();
    const stop = new AbortController();
    stops.push(stop);
    const controller = new PageController(document, env, stop.signal, performance.now());
    const started = controller.start();
    expect(env.getSettings).toHaveBeenCalledTimes(1);
    await started;
    expect(controller.isRunning()).toBe(true);
  });
});
