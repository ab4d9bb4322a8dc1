/**
 * Factcards on one page (one frame): finds and highlights mentions (the background matches the text),
 * opens cards on hover or from the keyboard, answers the popup, and follows settings and pack changes.
 * Everything is torn down when `signal` aborts (the extension reloads or the script is invalidated).
 *
 * Nothing here may break the page: every entry point catches and logs with console.debug.
 */
import type { FuzzyMatch, TextMatches } from '../match';
import { byMentionCount } from '../messaging/page-mentions-port';
import type { ContentTimings, EntityCard, PageMentionCount, Result } from '../messaging/protocol';
import { isActiveOn, siteKey, type Settings } from '../settings';
import { loadCardUi } from './card-host';
import type { CardUi } from './card-ui-api';
import { HIGHLIGHT_NAME, MentionHighlighter, compareRanges, visibleMentions, type PageMention } from './highlights';
import { MentionIndex, type MentionHit } from './hit-test';
import { HoverController } from './hover';
import { MentionScanner, isVisibleMention, type ScanStats } from './mention-scanner';
import { whenTextArrives } from './text-watch';

/** What the controller needs from the extension: messaging and storage, injected so tests can fake them. */
export interface PageEnvironment {
  /** The background's matcher: known names in each text, as offsets. */
  matchText(texts: string[]): Promise<Result<TextMatches>>;
  resolveFuzzy(candidates: string[]): Promise<Result<Array<FuzzyMatch | null>>>;
  getCard(entityId: string): Promise<Result<EntityCard>>;
  openInPopup(entityId: string): void;
  getSettings(): Promise<Settings>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  watchMatcherRevision(callback: () => void): () => void;
  cardUiUrl: string;
  /** See MentionScannerOptions.skipMultiColumn (Firefox only). */
  skipMultiColumn: boolean;
}

export class PageController {
  /** The measurements the controller takes itself; the scan's own come from its stats (see `timings`). */
  private readonly recorded: Omit<ContentTimings, keyof ScanStats> = {
    startupMs: 0,
    setupMs: 0,
    firstHighlightsMs: null,
    lastCardRenderMs: null,
    lastCardCached: null,
    mentionCount: 0,
  };
  private settings: Settings | null = null;
  private active = false;
  private scanner: MentionScanner | null = null;
  /** The current scan's figures, or the last one's once Factcards stopped on the page. */
  private scanStats: ScanStats = { scanMs: 0, textLength: 0, longestTaskMs: 0, matchWaitMs: 0 };
  private highlighter: MentionHighlighter | null = null;
  private shown: PageMention[] = [];
  private index: MentionIndex | null = null;
  private cardUi: CardUi | null = null;
  private openMention: PageMention | null = null;
  /** Card data for this page, by entity id: requested once, kept with its answer once it came. */
  private readonly cards = new Map<string, CardData>();
  /** The card data requested when the pointer came to rest, and whether the page had it before then. */
  private prefetched: { entityId: string; data: CardData; cached: boolean } | null = null;
  private generation = 0;
  /** Told whenever the marks change (the popup's open port: lib/messaging/page-mentions-port.ts). */
  private readonly mentionListeners = new Set<() => void>();
  /** Stops watching a document that has no text yet (see waitForText). */
  private stopTextWatch: (() => void) | null = null;
  private readonly signal: AbortSignal;

  constructor(
    private readonly doc: Document,
    private readonly env: PageEnvironment,
    signal: AbortSignal,
    private readonly startedAt: number,
  ) {
    this.signal = signal;
  }

  /**
   * Starts Factcards on the document. Its synchronous part runs in the task that evaluated the script:
   * call `startupDone` once the caller's own synchronous setup is over, so that task is counted once.
   */
  async start(): Promise<void> {
    this.settings = await this.env.getSettings();
    const resumed = performance.now();
    const unwatchSettings = this.env.watchSettings((settings) => this.guard(() => this.applySettings(settings)));
    const unwatchRevision = this.env.watchMatcherRevision(() => this.guard(() => this.reloadMatcher()));
    this.signal.addEventListener('abort', () => {
      unwatchSettings();
      unwatchRevision();
      this.deactivate();
      this.cardUi?.destroy();
    });
    new HoverController({
      doc: this.doc,
      index: () => (this.active ? this.index : null),
      dwellMs: () => this.settings?.hoverDelayMs ?? 400,
      openCard: (hit) => this.guard(() => this.openCard(hit, false)),
      // The card's data and UI script load during the dwell, so the card does not wait for them after it.
      onDwellStart: (hit) =>
        this.guard(() => {
          this.prefetched = { entityId: hit.mention.entityId, ...this.cardData(hit.mention.entityId) };
          return this.warmCard(hit.mention, this.prefetched.data);
        }),
      closeCard: () => this.closeCard(),
      openMention: () => this.openMention,
      cardHost: () => this.cardUi?.host() ?? null,
      signal: this.signal,
    });
    this.countSetup(resumed);
    if (this.isActive(this.settings)) await this.activate();
  }

  /** The script's synchronous start is over (see `start`): counts it, from the script's first line. */
  startupDone(): void {
    this.recorded.startupMs = performance.now() - this.startedAt;
  }

  /**
   * This page's measurements so far. The scan's own figures are read live from its stats, which count
   * every render and the work after the last one (a visibility check or a fuzzy answer that changed nothing).
   */
  get timings(): ContentTimings {
    return { ...this.recorded, ...this.scanStats };
  }

  site(): string {
    return siteKey(this.doc.location?.hostname ?? '');
  }

  isRunning(): boolean {
    return this.active;
  }

  /** One row per entity, in `byMentionCount` order (most frequent first). */
  pageMentions(): PageMentionCount[] {
    const counts = new Map<string, PageMentionCount>();
    const visibility = new WeakMap<Element, boolean>();
    for (const mention of this.scanner?.all() ?? []) {
      if (!isVisibleMention(mention, visibility)) continue;
      const row = counts.get(mention.entityId);
      if (row) row.count++;
      else counts.set(mention.entityId, { entityId: mention.entityId, name: mention.name, type: mention.type, count: 1 });
    }
    return [...counts.values()].sort(byMentionCount);
  }

  /** Calls back whenever what `pageMentions` answers may have changed; returns the unsubscribe. */
  onMentionsChanged(callback: () => void): () => void {
    this.mentionListeners.add(callback);
    return () => this.mentionListeners.delete(callback);
  }

  private mentionsChanged(): void {
    for (const listener of this.mentionListeners) this.guard(listener);
  }

  /** Scrolls to the first mention of an entity and opens its card, focused. */
  revealEntity(entityId: string): boolean {
    const visibility = new WeakMap<Element, boolean>();
    const mention = (this.scanner?.all() ?? []).find((candidate) => candidate.entityId === entityId && isVisibleMention(candidate, visibility));
    if (!mention) return false;
    this.reveal(mention);
    return true;
  }

  /** Opens the card of the mention at the selection or caret, else of the next mention after it. */
  openAtSelection(): boolean {
    const selection = this.doc.getSelection();
    const focusNode = selection?.focusNode;
    if (!selection || !focusNode) return this.revealAdjacent('next');
    const at = this.shown.find((mention) => {
      try {
        return mention.range.isPointInRange(focusNode, selection.focusOffset) || (selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(mention.range.startContainer) && mention.range.intersectsNode(focusNode));
      } catch {
        return false;
      }
    });
    if (at) {
      this.reveal(at);
      return true;
    }
    return this.revealAdjacent('next');
  }

  /** Moves to the next or previous highlighted mention (from the open card, the caret, or the viewport top). */
  revealAdjacent(direction: 'next' | 'previous'): boolean {
    const visibility = new WeakMap<Element, boolean>();
    const mentions = this.shown.filter((mention) => isVisibleMention(mention, visibility));
    if (mentions.length === 0) return false;
    const reference = this.referenceRange();
    let target: PageMention | undefined;
    if (direction === 'next') {
      target = reference ? mentions.find((mention) => compareRanges(mention.range, reference) > 0) : mentions.find((mention) => mention.range.getBoundingClientRect().top >= 0);
      target ??= mentions[0];
    } else {
      target = reference ? [...mentions].reverse().find((mention) => compareRanges(mention.range, reference) < 0) : undefined;
      target ??= mentions[mentions.length - 1];
    }
    if (!target) return false;
    this.reveal(target);
    return true;
  }

  private referenceRange(): Range | null {
    if (this.openMention) return this.openMention.range;
    const selection = this.doc.getSelection();
    if (selection && selection.rangeCount > 0 && selection.focusNode && this.doc.contains(selection.focusNode)) {
      const range = this.doc.createRange();
      range.setStart(selection.focusNode, selection.focusOffset);
      return range;
    }
    return null;
  }

  private reveal(mention: PageMention): void {
    const element = mention.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    this.guard(() => this.openCard({ mention, rectIndex: 0 }, true));
  }

  private isActive(settings: Settings): boolean {
    return isActiveOn(settings, this.doc.location?.hostname ?? '');
  }

  private async applySettings(settings: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    const shouldRun = this.isActive(settings);
    if (shouldRun && !this.active) {
      await this.activate();
      return;
    }
    if (!shouldRun) {
      if (this.active) this.deactivate();
      return;
    }
    if (previous?.highlightStyle !== settings.highlightStyle) this.highlighter?.setStyle(settings.highlightStyle);
    this.render(this.scanner?.all() ?? []);
  }

  private async activate(): Promise<void> {
    let began = performance.now();
    const generation = ++this.generation;
    this.active = true;
    // A document with nothing to read yet (a shell its scripts fill later; frames without text never
    // get this far, see entrypoints/frame-watch.ts) sets nothing up until text arrives.
    const textArrives = this.waitForText();
    if (textArrives) {
      this.countSetup(began);
      await textArrives;
      if (generation !== this.generation || this.signal.aborted) return;
      began = performance.now();
    }
    this.highlighter ??= new MentionHighlighter(this.doc);
    this.highlighter.setStyle(this.settings?.highlightStyle ?? 'underline');
    this.scanner = new MentionScanner({
      doc: this.doc,
      matchText: (texts) => this.env.matchText(texts),
      resolveFuzzy: (candidates) => this.env.resolveFuzzy(candidates),
      onChange: (mentions) => this.guard(() => this.render(mentions)),
      isOwnNode: (node) => this.isOwnNode(node),
      skipMultiColumn: this.env.skipMultiColumn,
    });
    this.scanStats = this.scanner.stats;
    this.countSetup(began);
    await this.scanner.start();
  }

  /**
   * Null when the document holds scannable text; otherwise resolves once it does, or never if
   * deactivated first (`deactivate` stops the watch).
   */
  private waitForText(): Promise<void> | null {
    let arrived: () => void = () => undefined;
    const textArrives = new Promise<void>((resolve) => (arrived = resolve));
    const stop = whenTextArrives(
      this.doc,
      () => {
        if (this.stopTextWatch === stop) this.stopTextWatch = null;
        arrived();
      },
      (since) => this.countSetup(since),
    );
    if (!stop) return null;
    this.stopTextWatch = stop;
    return textArrives;
  }

  private deactivate(): void {
    this.generation++;
    this.stopTextWatch?.();
    this.stopTextWatch = null;
    this.active = false;
    this.scanner?.stop();
    this.scanner = null;
    this.highlighter?.destroy();
    this.highlighter = null;
    this.shown = [];
    this.index = null;
    this.closeCard();
    this.mentionsChanged();
  }

  /** The store changed: everything on the page is matched again. */
  private async reloadMatcher(): Promise<void> {
    this.cards.clear();
    this.prefetched = null;
    if (!this.active) return;
    this.deactivate();
    if (this.settings && this.isActive(this.settings)) await this.activate();
  }

  private render(mentions: PageMention[]): void {
    if (!this.active || !this.highlighter || !this.settings) return;
    this.shown = visibleMentions(mentions, this.settings);
    this.highlighter.show(this.shown.map((mention) => mention.range));
    this.index = new MentionIndex(this.shown);
    if (this.openMention && !this.openMention.range.startContainer.isConnected) this.closeCard();
    this.recorded.mentionCount = mentions.length;
    this.recorded.firstHighlightsMs ??= performance.now() - this.startedAt;
    this.mentionsChanged();
  }

  /** Counts a stretch of setup work (from `since` to now, no await between) as main-thread time. */
  private countSetup(since: number): void {
    this.recorded.setupMs += performance.now() - since;
  }

  private isOwnNode(node: Node): boolean {
    const host = this.cardUi?.host();
    if (!host) return node.nodeName === 'FACTCARDS-CARD';
    return node === host || host.contains(node) || node.nodeName === 'FACTCARDS-CARD';
  }

  private cardData(entityId: string): { data: CardData; cached: boolean } {
    const existing = this.cards.get(entityId);
    if (existing) return { data: existing, cached: true };
    const data: CardData = {
      promise: this.env.getCard(entityId).then((result) => {
        if (result.ok) data.result = result;
        else this.cards.delete(entityId); // a failure is not worth remembering
        return result;
      }),
      result: null,
    };
    this.cards.set(entityId, data);
    return { data, cached: false };
  }

  /** During the dwell: loads the card UI, and renders the card once off the page when its data comes (CardUi.warm). */
  private async warmCard(mention: PageMention, data: CardData): Promise<void> {
    const factory = await loadCardUi(this.env.cardUiUrl);
    if (this.signal.aborted) return;
    const ui = (this.cardUi ??= factory({ onHidden: () => (this.openMention = null) }));
    const result = await data.promise;
    // A card already open (a short dwell) has had its first render: warming now would only cost time.
    if (this.signal.aborted || !this.active || ui.isOpen()) return;
    ui.warm({ id: mention.entityId, name: mention.name, type: mention.type }, result, this.settings?.theme ?? 'auto');
  }

  private async openCard(hit: MentionHit, focus: boolean): Promise<void> {
    const opened = performance.now();
    const { mention } = hit;
    const prefetched = this.prefetched?.entityId === mention.entityId ? this.prefetched : null;
    this.prefetched = null;
    const { data, cached } = prefetched ?? this.cardData(mention.entityId);
    if (!this.cardUi) {
      const factory = await loadCardUi(this.env.cardUiUrl);
      if (this.signal.aborted) return;
      this.cardUi ??= factory({ onHidden: () => (this.openMention = null) });
    }
    if (!this.active) return;
    this.openMention = mention;
    this.cardUi.show({
      anchor: { range: mention.range, rectIndex: hit.rectIndex },
      entity: { id: mention.entityId, name: mention.name, type: mention.type },
      load: () => data.promise,
      // Data already here (cached, or fetched during the dwell) renders in the card's first frame.
      loaded: data.result,
      theme: this.settings?.theme ?? 'auto',
      focus,
      onOpenInPopup: (entityId) => this.env.openInPopup(entityId),
      onRendered: () => {
        this.recorded.lastCardRenderMs = performance.now() - opened;
        this.recorded.lastCardCached = cached;
      },
    });
  }

  private closeCard(): void {
    this.openMention = null;
    this.cardUi?.hide();
  }

  private guard(task: () => unknown): void {
    try {
      const result = task();
      if (result instanceof Promise) result.catch((error: unknown) => console.debug('[factcards]', error));
    } catch (error) {
      console.debug('[factcards]', error);
    }
  }
}

/** A card's data on this page: the request, and its answer once it came (successful answers only). */
interface CardData {
  promise: Promise<Result<EntityCard>>;
  result: Result<EntityCard> | null;
}

export { HIGHLIGHT_NAME };
