// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { PageController, type PageEnvironment } from './page-controller';

/** The extension's side, faked: settings are read through a spy, and no text has a known name. */
function fakeEnvironment(topFrame: boolean): PageEnvironment & { getSettings: ReturnType<typeof vi.fn> } {
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
    topFrame,
  };
}

describe('PageController', () => {
  const stops: AbortController[] = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop.abort();
    document.body.innerHTML = '';
  });

  /** Starts Factcards on the test document, as the top document's or a frame's. */
  function startOn(html: string, { topFrame }: { topFrame: boolean }) {
    document.body.innerHTML = html;
    const env = fakeEnvironment(topFrame);
    const stop = new AbortController();
    stops.push(stop);
    const controller = new PageController(document, env, stop.signal, performance.now());
    const started = controller.start();
    controller.startupDone();
    return { env, controller, started };
  }

  it('sets nothing up in a frame without text (an empty ad slot) until text arrives', async () => {
    const { env, controller, started } = startOn('<div class="ad-slot"></div>', { topFrame: false });
    await new Promise((done) => setTimeout(done, 20));
    expect(env.getSettings).not.toHaveBeenCalled();
    expect(controller.isRunning()).toBe(false);

    document.querySelector('.ad-slot')?.append(Object.assign(document.createElement('p'), { textContent: 'General Mandon spoke.' }));
    await started;
    expect(env.getSettings).toHaveBeenCalledTimes(1);
    expect(controller.isRunning()).toBe(true);
  });

  it('reads the settings at once in a frame with text', async () => {
    const { env, controller, started } = startOn('<p>General Mandon spoke.</p>', { topFrame: false });
    expect(env.getSettings).toHaveBeenCalledTimes(1);
    await started;
    expect(controller.isRunning()).toBe(true);
  });

  it('says at once whether it runs on a top document that has no text yet, for the popup', async () => {
    const { env, controller } = startOn('<div id="app"></div>', { topFrame: true });
    expect(env.getSettings).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(controller.isRunning()).toBe(true));
  });
});
