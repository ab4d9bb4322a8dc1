import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * WXT's content-script entry builds the script's context from `wxt/utils/content-script-context`; this
 * gives it entrypoints/content/script-context.ts instead, which does not post a message to the page's
 * window (see there). Every other import of the module, including that file's own, is left alone.
 */
function quietContentScriptContext() {
  const entry = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
  return {
    name: 'factcards:quiet-content-script-context',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined): string | null {
      if (source !== 'wxt/utils/content-script-context' || !importer?.startsWith(entry)) return null;
      return resolve(import.meta.dirname, 'entrypoints/content/script-context.ts');
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [quietContentScriptContext()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Factcards',
    description: 'Dated, sourced context cards for the people, organisations and places named on news pages.',
    // storage: settings (lib/settings, browser.storage). The store itself is IndexedDB in the extension origin,
    // which needs no permission. No host permissions: the content script is declared with
    // http(s) matches, so the extension never asks to read every site's data via the API.
    permissions: ['storage'],
    // Frames' script (entrypoints/frame-watch.ts), declared here rather than as a WXT content script so
    // that the many frames that never get text make no content-script context. The top document's
    // script (entrypoints/content) is WXT's own entry.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['frame-watch.js'], all_frames: true, match_about_blank: true, run_at: 'document_idle' },
    ],
    // The hover-card UI (React) is loaded by the content script on first use, and the rest of a frame's
    // Factcards once the frame has text (entrypoints/frame-watch.ts), as modules from the extension;
    // use_dynamic_url keeps pages from probing for them to fingerprint the extension (Chromium).
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: ['card-ui.js', 'frame-page.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]
        : ['card-ui.js', 'frame-page.js'],
    // Keyboard access to cards (lib/page/commands.ts): the background forwards each to the active tab.
    // Chromium leaves a suggested key unbound when it is one of its own shortcuts (Alt+Shift+N and
    // Alt+Shift+P are, on Linux): tests/e2e/foundation.e2e.ts checks that each key is really assigned.
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Open the Factcards card for the name at the caret or selection',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next name Factcards knows on the page',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous name Factcards knows on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'factcards@factcards.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
