/** Frame scope: Factcards reads same-origin frames (part of the page) and leaves third-party frames alone. */
export function isSameOriginWithTop(win: Window): boolean {
  try {
    // Reading a cross-origin document throws; about:blank and srcdoc frames inherit the parent origin.
    return win.top !== null && win.top.document !== undefined;
  } catch {
    return false;
  }
}
