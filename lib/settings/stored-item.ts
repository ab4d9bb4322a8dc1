/**
 * One typed value in the extension's own storage (`browser.storage.local` or `.session`; never the
 * page's), read and watched by every context that needs it.
 *
 * Why not WXT's storage items: defining one reads it from storage at once, whether or not anything asks
 * for its value, and its library was a fifth of the content script. The content script runs on every
 * page and defined two items, so every page paid two storage round trips it never used and the parse
 * of the library. An item here does nothing until it is asked. Keys are the same as WXT used
 * (`settings` in local storage), so stored settings carry over.
 */
export type StorageAreaName = 'local' | 'session';

export interface StoredItem<T> {
  /** The stored value, or the fallback when nothing is stored. */
  getValue(): Promise<T>;
  /** Stores `value`; null or undefined removes the entry, so `getValue` answers the fallback. */
  setValue(value: T): Promise<void>;
  /** Calls back with the new value (the fallback once removed) after any context changes it; returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

export function storedItem<T>(area: StorageAreaName, key: string, fallback: T): StoredItem<T> {
  const valueOf = (stored: unknown): T => (stored === undefined || stored === null ? fallback : (stored as T));
  return {
    async getValue() {
      const items = await browser.storage[area].get(key);
      return valueOf(items[key]);
    },
    async setValue(value) {
      if (value === null || value === undefined) await browser.storage[area].remove(key);
      else await browser.storage[area].set({ [key]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, Browser.storage.StorageChange>, changedArea: string) => {
        const change = changedArea === area ? changes[key] : undefined;
        if (change) callback(valueOf(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
