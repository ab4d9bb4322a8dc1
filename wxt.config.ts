import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Factcards',
    description: 'Dated, sourced context cards for the people, organisations and places named on news pages.',
    // storage: settings (wxt/utils/storage). The store itself is IndexedDB in the extension origin,
    // which needs no permission. No host permissions: the content script is declared with
    // http(s) matches, so the extension never asks to read every site's data via the API.
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'factcards@factcards.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
