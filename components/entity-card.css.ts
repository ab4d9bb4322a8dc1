/**
 * Styles of `EntityCard`, as a string so the same rules go into the hover card's shadow root (where
 * page CSS cannot reach them, nor they the page) and into the popup. Every selector is a `fc-` class, so
 * nothing here styles anything but the card.
 *
 * Theme: light by default, dark under `prefers-color-scheme: dark`, and `data-theme="light|dark"` on
 * the card (the user's setting) overrides both.
 */
const LIGHT = `
  --fc-bg: #ffffff;
  --fc-fg: #1c1d21;
  --fc-muted: #5b5f6a;
  --fc-border: #d9dbe1;
  --fc-accent: #1f5fbf;
  --fc-mark-bg: #fff1b8;
  --fc-mark-fg: #1c1d21;
  --fc-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  color-scheme: light;
`;

const DARK = `
  --fc-bg: #1e2026;
  --fc-fg: #eceef2;
  --fc-muted: #a8adb9;
  --fc-border: #3a3e48;
  --fc-accent: #8ab4f8;
  --fc-mark-bg: #5a4b12;
  --fc-mark-fg: #fff6d6;
  --fc-shadow: 0 6px 24px rgb(0 0 0 / 0.5);
  color-scheme: dark;
`;

export const ENTITY_CARD_CSS = `
.fc-card { ${LIGHT} }
@media (prefers-color-scheme: dark) { .fc-card:not([data-theme="light"]) { ${DARK} } }
.fc-card[data-theme="dark"] { ${DARK} }

.fc-card {
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: 8px;
  background: var(--fc-bg);
  color: var(--fc-fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: start;
  letter-spacing: normal;
  overflow-wrap: anywhere;
}
.fc-card *, .fc-card *::before, .fc-card *::after { box-sizing: border-box; }
.fc-card--hover {
  width: min(380px, calc(100vw - 16px));
  max-height: inherit;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 12px 14px;
  border: 1px solid var(--fc-border);
  border-radius: 10px;
  box-shadow: var(--fc-shadow);
  animation: fc-card-in 120ms ease-out;
}
.fc-card--full { padding: 4px 0; }
@keyframes fc-card-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .fc-card--hover { animation: none; } }

.fc-card p { margin: 0; }
.fc-card__header { display: flex; flex-direction: column; gap: 2px; }
.fc-card__name { margin: 0; font-size: 17px; line-height: 1.25; font-weight: 650; }
.fc-card__type { font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--fc-muted); }
.fc-card__role { font-weight: 500; }
.fc-card__description, .fc-card__aliases, .fc-card__count, .fc-card__more, .fc-card__empty { color: var(--fc-muted); font-size: 13px; }
.fc-card__label { font-style: italic; }

.fc-card__timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; border-top: 1px solid var(--fc-border); padding-top: 8px; }
.fc-context { display: flex; flex-direction: column; gap: 3px; padding-left: 10px; border-left: 2px solid var(--fc-border); }
.fc-context__meta { display: flex; flex-wrap: wrap; gap: 0 8px; font-size: 12px; color: var(--fc-muted); }
.fc-context__meta .fc-date { font-weight: 600; color: var(--fc-fg); }
.fc-context__attribution { font-style: italic; }
.fc-context__sentence { margin: 0; padding: 0; border: 0; quotes: none; }
.fc-context__mention { background: var(--fc-mark-bg); color: var(--fc-mark-fg); font-weight: 600; padding: 0 1px; border-radius: 2px; }
.fc-context__link, .fc-context__title { font-size: 12px; }
.fc-context__link { color: var(--fc-accent); text-decoration: underline; text-underline-offset: 2px; }
.fc-context__title { color: var(--fc-muted); }

.fc-card__actions { display: flex; justify-content: flex-end; border-top: 1px solid var(--fc-border); padding-top: 8px; }
/* A card capped by the window scrolls its timeline, but its action stays in view at the bottom edge
   (the negative margin lets it cover the card's bottom padding, so no text shows beneath it). */
.fc-card--hover .fc-card__actions { position: sticky; bottom: -12px; margin-bottom: -12px; padding-bottom: 12px; background: var(--fc-bg); }
.fc-card__open {
  font: inherit; font-size: 13px; font-weight: 600;
  color: var(--fc-accent); background: transparent;
  border: 1px solid var(--fc-border); border-radius: 6px; padding: 4px 10px; cursor: pointer;
}
.fc-card__open:hover { border-color: var(--fc-accent); }
.fc-card a:focus-visible, .fc-card button:focus-visible { outline: 2px solid var(--fc-accent); outline-offset: 2px; }
`;
