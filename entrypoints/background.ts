/**
 * The background: the only context that opens the knowledge store. It loads the bundled pack on install
 * and update, answers the BackgroundProtocol (lib/messaging) from the store, and bumps
 * `matcherRevisionItem` when packs change so content scripts match their page again.
 */
import seedPack from '@/lib/pack/seed-pack.generated.json';
import { backgroundMessenger, type ProtocolError, type Result } from '@/lib/messaging/protocol';
import { classifySender, type MessageSender } from '@/lib/messaging/sender';
import { createUploadStaging } from '@/lib/pack/upload-staging';
import { matcherRevisionItem } from '@/lib/settings';
import { popupRequestItem } from '@/lib/settings/popup-request';
import { forwardPageCommand } from '@/lib/page/commands';
import { createKnowledgeService, openFactcardsDb } from '@/lib/store';

export default defineBackground(() => {
  const knowledge = createKnowledgeService({
    db: openFactcardsDb(),
    seed: seedPack,
    // Written only when it differs: every write wakes every open tab's watcher.
    onRevision: async (revision) => {
      if ((await matcherRevisionItem.getValue()) !== revision) await matcherRevisionItem.setValue(revision);
    },
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    void knowledge.loadBundledPack().then((result) => {
      if (!result.ok) console.error('Factcards could not load its bundled pack:', result.error.message);
    });
  });
  void knowledge.start().then((result) => {
    if (!result.ok) console.error('Factcards could not open its knowledge store:', result.error.message);
  });

  const own = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const denied: ProtocolError = { code: 'invalid-input', message: 'Only Factcards itself may ask this.' };
  /** Messages from our own extension: content scripts and extension pages. */
  const fromFactcards = (sender: MessageSender) => classifySender(sender, own) !== 'foreign';
  /** Pack management only from our own pages (options, popup), never from a content script in a web page. */
  const fromExtensionPage = (sender: MessageSender) => classifySender(sender, own) === 'extension-page';
  const guard = <T>(allowed: boolean, answer: () => Promise<Result<T>>): Promise<Result<T>> =>
    allowed ? answer() : Promise.resolve({ ok: false, error: denied });

  backgroundMessenger.onMessage('matchText', ({ sender, data }) => guard(fromFactcards(sender), () => knowledge.matchText(data)));
  backgroundMessenger.onMessage('resolveFuzzy', ({ sender, data }) => guard(fromFactcards(sender), () => knowledge.resolveFuzzy(data)));
  backgroundMessenger.onMessage('getCard', ({ sender, data }) =>
    guard(fromFactcards(sender), () => knowledge.getCard(data.entityId, data.maxContexts)),
  );
  backgroundMessenger.onMessage('search', ({ sender, data }) => guard(fromFactcards(sender), () => knowledge.search(data.query, data.limit)));
  backgroundMessenger.onMessage('getArticle', ({ sender, data }) => guard(fromFactcards(sender), () => knowledge.getArticle(data.articleId)));
  backgroundMessenger.onMessage('listEntityArticles', ({ sender, data }) =>
    guard(fromFactcards(sender), () => knowledge.listEntityArticles(data.entityId, data.offset, data.limit)),
  );
  backgroundMessenger.onMessage('openInPopup', ({ sender, data }) => guard(fromFactcards(sender), () => openInPopup(data.entityId)));

  backgroundMessenger.onMessage('listPacks', ({ sender }) => guard(fromExtensionPage(sender), knowledge.listPacks));
  backgroundMessenger.onMessage('importPack', ({ sender, data }) => guard(fromExtensionPage(sender), () => knowledge.importPack(data.pack)));
  // Large packs arrive in pieces (see `stagePackChunk` in the protocol); only the joined whole is imported.
  const uploads = createUploadStaging();
  backgroundMessenger.onMessage('stagePackChunk', ({ sender, data }) =>
    guard(fromExtensionPage(sender), async (): Promise<Result<void>> => {
      const staged = uploads.append(data.uploadId, data.index, data.chunk);
      return staged.ok ? { ok: true, value: undefined } : { ok: false, error: { code: 'too-large', message: staged.message } };
    }),
  );
  backgroundMessenger.onMessage('importStagedPack', ({ sender, data }) =>
    guard(fromExtensionPage(sender), async () => {
      const upload = uploads.take(data.uploadId, data.chunks);
      if (!upload.ok) return { ok: false, error: { code: 'invalid-input', message: upload.message } };
      return knowledge.importPack(upload.text);
    }),
  );
  backgroundMessenger.onMessage('setPackEnabled', ({ sender, data }) =>
    guard(fromExtensionPage(sender), () => knowledge.setPackEnabled(data.packId, data.enabled)),
  );
  backgroundMessenger.onMessage('removePack', ({ sender, data }) => guard(fromExtensionPage(sender), () => knowledge.removePack(data.packId)));
  backgroundMessenger.onMessage('exportPack', ({ sender, data }) => guard(fromExtensionPage(sender), () => knowledge.exportPack(data.packId)));
  backgroundMessenger.onMessage('resetToSeed', ({ sender }) => guard(fromExtensionPage(sender), knowledge.resetToSeed));
  backgroundMessenger.onMessage('getGazetteer', ({ sender }) => guard(fromExtensionPage(sender), knowledge.getGazetteer));

  // Keyboard commands (manifest `commands`) are handled by the active tab's content script (lib/page/commands.ts).
  browser.commands?.onCommand.addListener((command, tab) => void forwardPageCommand(command, tab?.id));
});

/**
 * Opens the popup on an entity: the request goes to `popupRequestItem` for the popup to read. Browsers
 * open a popup from the background only in some conditions (Chrome 127+, Firefox with a user gesture);
 * otherwise the popup page opens in a tab with the entity in its URL.
 */
async function openInPopup(entityId: string): Promise<Result<void>> {
  try {
    await popupRequestItem.setValue({ entityId, requestedAt: Date.now() });
    const action = browser.action ?? browser.browserAction;
    try {
      await action.openPopup();
      return { ok: true, value: undefined };
    } catch {
      await popupRequestItem.setValue(null);
    }
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?entity=${encodeURIComponent(entityId)}`) });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `Could not open the popup: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
