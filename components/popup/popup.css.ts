/**
 * The popup's styles, as a string rendered into a <style> beside the card's (`ENTITY_CARD_CSS`), so the
 * popup is one self-contained document. Compact: about 400 × 560 as a popup, centred in a column as a tab.
 * Light by default, dark under `prefers-color-scheme: dark`; `data-theme` on the root element (the user's
 * setting, set by `Popup`) overrides.
 */
const LIGHT = `
  --p-bg: #ffffff; --p-fg: #1c1d21; --p-muted: #5b5f6a; --p-border: #d9dbe1; --p-hover: #eef2fa;
  --p-active: #dce6f8; --p-accent: #1f5fbf; --p-mark-bg: #fff1b8; --p-mark-fg: #1c1d21; color-scheme: light;
`;
const DARK = `
  --p-bg: #1e2026; --p-fg: #eceef2; --p-muted: #a8adb9; --p-border: #3a3e48; --p-hover: #2a2e37;
  --p-active: #33405a; --p-accent: #8ab4f8; --p-mark-bg: #5a4b12; --p-mark-fg: #fff6d6; color-scheme: dark;
`;

export const POPUP_CSS = `
/* Theme variables on the root, so the page behind the popup (when it is opened as a tab) matches it. */
:root { ${LIGHT} }
@media (prefers-color-scheme: dark) { :root { ${DARK} } }
:root[data-theme="light"] { ${LIGHT} }
:root[data-theme="dark"] { ${DARK} }
html, body { margin: 0; background: var(--p-bg); }
body { min-width: 380px; }
.fc-popup {
  box-sizing: border-box; width: 400px; max-width: 100%; min-height: 300px; max-height: 560px; overflow-y: auto;
  margin: 0 auto; padding: 10px 12px 12px; background: var(--p-bg); color: var(--p-fg);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.fc-popup *, .fc-popup *::before, .fc-popup *::after { box-sizing: border-box; }
.fc-popup mark { background: var(--p-mark-bg); color: var(--p-mark-fg); border-radius: 2px; }
.fc-popup__bar { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
.fc-popup__title { font-size: 15px; margin: 0; flex: 1; }
.fc-popup button { font: inherit; color: inherit; }
.fc-link { background: none; border: 0; padding: 0; color: var(--p-accent); cursor: pointer; text-align: left; }
.fc-link:hover, .fc-link:focus-visible { text-decoration: underline; }
.fc-button { background: var(--p-hover); border: 1px solid var(--p-border); border-radius: 6px; padding: 3px 10px; cursor: pointer; }
.fc-search { width: 100%; font: inherit; padding: 7px 10px; border: 1px solid var(--p-border); border-radius: 8px;
  background: var(--p-bg); color: var(--p-fg); }
.fc-search:focus { outline: 2px solid var(--p-accent); outline-offset: 0; }
.fc-results { list-style: none; margin: 8px 0 0; padding: 0; }
.fc-group__label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--p-muted); margin: 10px 0 4px; }
.fc-group ul { list-style: none; margin: 0; padding: 0; }
.fc-option { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.fc-option:hover { background: var(--p-hover); }
.fc-option[aria-selected="true"] { background: var(--p-active); }
.fc-option__main { display: flex; gap: 6px; align-items: baseline; }
.fc-option__name { font-weight: 600; }
.fc-option__type, .fc-option__meta { color: var(--p-muted); font-size: 12px; }
.fc-option__detail { color: var(--p-muted); font-size: 12px; margin-top: 2px; overflow: hidden; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.fc-state { color: var(--p-muted); padding: 12px 4px; }
.fc-state strong { color: var(--p-fg); }
.fc-state p { margin: 0 0 6px; }
.fc-section { margin-top: 14px; }
.fc-section h2, .fc-section h3 { font-size: 13px; margin: 0 0 6px; }
.fc-switch { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 0; }
.fc-switch input { width: 16px; height: 16px; accent-color: var(--p-accent); }
.fc-page-mentions { list-style: none; padding: 0; margin: 0; }
.fc-page-mentions li { display: flex; justify-content: space-between; gap: 8px; padding: 3px 0; }
.fc-count { color: var(--p-muted); font-variant-numeric: tabular-nums; }
.fc-list { list-style: none; padding: 0; margin: 0; }
.fc-list li { padding: 4px 0; border-bottom: 1px solid var(--p-border); }
.fc-list li:last-child { border-bottom: 0; }
.fc-article__meta { color: var(--p-muted); font-size: 12px; margin: 0 0 8px; }
.fc-article__title { font-size: 16px; margin: 0 0 4px; }
.fc-article__text p { margin: 0 0 8px; }
.fc-mention-link { background: none; border: 0; padding: 0; color: var(--p-accent); cursor: pointer; font: inherit;
  text-decoration: underline; text-decoration-style: dotted; }
.fc-error { color: #b3261e; }
`;
