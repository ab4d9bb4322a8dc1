/**
 * What the options page asks of the rest of the extension, in one interface: the background's pack
 * messages, the import worker and the browser's keyboard shortcuts. Components take it as a prop, so
 * their tests pass a fake.
 */
import { browser } from 'wxt/browser';
import { backgroundMessenger, type GazetteerEntity, type ImportSummary, type PackSummary, type Result } from '../../lib/messaging/protocol';
import type { ImportJobProgress, ImportJobRequest } from '../../lib/pack/import-job';
import type { Pack } from '../../lib/pack/schema';
import { PAGE_COMMANDS } from '../../lib/page/commands';
import { matcherRevisionItem } from '../../lib/settings';
import { startImportWorker, type RunningImport } from './import-client';

export interface OptionsApi {
  listPacks(): Promise<Result<PackSummary[]>>;
  /**
   * `text` is the pack's JSON text in pieces (`ReadyPack.text`): the background validates it again and
   * stores it in one transaction.
   */
  importPack(text: readonly string[]): Promise<Result<ImportSummary>>;
  setPackEnabled(packId: string, enabled: boolean): Promise<Result<void>>;
  removePack(packId: string): Promise<Result<void>>;
  exportPack(packId: string | null): Promise<Result<Pack>>;
  resetToSeed(): Promise<Result<void>>;
  getGazetteer(): Promise<Result<GazetteerEntity[]>>;
  startImport(request: ImportJobRequest, onProgress: (progress: ImportJobProgress) => void): RunningImport;
  /**
   * Calls back whenever the stored packs change, from this page or elsewhere (the bundled pack loading
   * after install, another options tab). Returns the unsubscribe.
   */
  watchPacks(callback: () => void): () => void;
  /** The extension's keyboard commands and the keys the browser bound to them ('' when none). */
  listShortcuts(): Promise<KeyboardShortcut[]>;
  /** Opens the browser's own page for changing extension shortcuts (extensions cannot set keys). */
  openShortcutSettings(): void;
}

export interface KeyboardShortcut {
  name: string;
  description: string;
  /** As the browser shows it, "Alt+Shift+F"; empty when the command has no key. */
  shortcut: string;
}

/** A message that could not be delivered (background asleep and failing to wake, say) becomes a Result too. */
async function deliver<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await send();
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `The extension did not answer: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/**
 * Sends a pack's JSON text, in pieces of at most PACK_TEXT_PIECE_CHARS, to the background: whole when it
 * is one piece, else staged piece by piece. Chrome serialises each message as JSON on this page's main
 * thread: a piece makes a task of about 10–15 ms, where a whole 20 MB pack took 300 ms and more
 * (tests/bench/import.bench.ts).
 */
export async function importPackText(text: readonly string[]): Promise<Result<ImportSummary>> {
  if (text.length <= 1) return deliver(() => backgroundMessenger.sendMessage('importPack', { pack: text[0] ?? '' }));
  const uploadId = crypto.randomUUID();
  for (const [index, chunk] of text.entries()) {
    const staged = await deliver(() => backgroundMessenger.sendMessage('stagePackChunk', { uploadId, index, chunk }));
    if (!staged.ok) return staged;
  }
  return deliver(() => backgroundMessenger.sendMessage('importStagedPack', { uploadId, chunks: text.length }));
}

/** The commands a browser makes for the toolbar button (MV3 and MV2 names). */
const POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The page commands in the manifest's order, then the popup's (browsers list them alphabetically). */
function commandOrder(name: string): number {
  const index = (PAGE_COMMANDS as readonly string[]).indexOf(name);
  return index >= 0 ? index : PAGE_COMMANDS.length;
}

export function createBackgroundOptionsApi(): OptionsApi {
  return {
    listPacks: () => deliver(() => backgroundMessenger.sendMessage('listPacks', undefined)),
    importPack: importPackText,
    setPackEnabled: (packId, enabled) => deliver(() => backgroundMessenger.sendMessage('setPackEnabled', { packId, enabled })),
    removePack: (packId) => deliver(() => backgroundMessenger.sendMessage('removePack', { packId })),
    exportPack: (packId) => deliver(() => backgroundMessenger.sendMessage('exportPack', { packId })),
    resetToSeed: () => deliver(() => backgroundMessenger.sendMessage('resetToSeed', undefined)),
    getGazetteer: () => deliver(() => backgroundMessenger.sendMessage('getGazetteer', undefined)),
    startImport: startImportWorker,
    // The background bumps the matcher revision whenever packs change.
    watchPacks: (callback) => matcherRevisionItem.watch(() => callback()),
    async listShortcuts() {
      const commands = await browser.commands.getAll().catch(() => []);
      return commands
        .flatMap((command) => {
          if (!command.name) return [];
          // The toolbar button's own command comes without a description of ours.
          const description = POPUP_COMMANDS.has(command.name) ? 'Open the Factcards popup' : (command.description ?? command.name);
          return [{ name: command.name, description, shortcut: command.shortcut ?? '' }];
        })
        .sort((a, b) => commandOrder(a.name) - commandOrder(b.name));
    },
    openShortcutSettings() {
      // Firefox has an API for it; Chromium's page is an ordinary tab an extension may open.
      const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
      if (typeof commands.openShortcutSettings === 'function') void commands.openShortcutSettings().catch(() => undefined);
      else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
    },
  };
}
