/**
 * WXT's content-script context, minus its announcement to the page.
 *
 * When a content script starts, WXT's `ContentScriptContext` tells older copies of the same script in
 * the page (left behind by an extension update) to stop, in two ways: a CustomEvent on the document,
 * which only content scripts listen for, and, for scripts built with WXT before 0.20, a
 * `window.postMessage` to the page's own window. The page's `message` listeners receive that second
 * one: a page that parses every message it gets throws (tests/e2e/fixtures/content-hostile.html), and
 * posting it was the dearest thing the script did before reading the page (2–3 ms in Chromium). Every
 * Factcards build uses the CustomEvent, so this context sends only that.
 *
 * wxt.config.ts hands this class to WXT's content-script entry in place of its own.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The members of WXT's class the announcement reads (private in its typings, public at run time). */
interface AnnouncingContext {
  contentScriptName: string;
  id: string;
}

export class QuietContentScriptContext extends ContentScriptContext {
  override stopOldScripts(): void {
    const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    const { contentScriptName, id } = this as unknown as AnnouncingContext;
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: id } }));
  }
}

export { QuietContentScriptContext as ContentScriptContext };
