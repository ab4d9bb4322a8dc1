/**
 * Who sent a message to the background. Content scripts run inside web pages, which may be hostile, so
 * they get the read-only messages only; managing packs is for our own extension pages (options, popup).
 */
export interface MessageSender {
  /** The sending extension's id. */
  id?: string;
  /** The sending document's URL: an extension page's own URL, or the web page a content script runs in. */
  url?: string;
}

export type SenderTrust = 'extension-page' | 'content-script' | 'foreign';

/**
 * Classifies a sender: another extension or a web page (`foreign`), our content script in a page, or
 * one of our own pages (its URL lies under `extensionOrigin`, `chrome-extension://ID/` or `moz-extension://UUID/`).
 */
export function classifySender(sender: MessageSender, own: { extensionId: string; extensionOrigin: string }): SenderTrust {
  if (sender.id !== own.extensionId) return 'foreign';
  const origin = own.extensionOrigin.endsWith('/') ? own.extensionOrigin : `${own.extensionOrigin}/`;
  return (sender.url ?? '').startsWith(origin) ? 'extension-page' : 'content-script';
}
