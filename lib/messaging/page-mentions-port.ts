/**
 * Both ends of `PAGE_MENTIONS_PORT` (see protocol.ts). The top document and each same-origin frame mark
 * their own text, so "what this page mentions" is the sum over the tab's frames: the popup opens one port
 * that reaches them all, each frame reports for itself (and again when its marks change), and a mention
 * is revealed by the frame that has it.
 *
 * The ends take the port rather than opening it, so tests can join them with an in-memory pair.
 */
import type { FrameReport, PageMentionCount, RevealRequest } from './protocol';

/** The part of a port both ends use (`browser.runtime.Port`). */
export interface MentionsPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** What a frame knows of its own marks (PageController). */
export interface FrameMentionSource {
  pageMentions(): PageMentionCount[];
  revealEntity(entityId: string): boolean;
  /** Calls back whenever the frame's marks change; returns the unsubscribe. */
  onMentionsChanged(callback: () => void): () => void;
}

export interface FrameIdentity {
  /** Random, chosen by the frame: the popup's side cannot tell the frames of one port apart otherwise. */
  key: string;
  top: boolean;
}

/** A key for this frame, unique within its tab (crypto.randomUUID needs a secure context; http pages are not). */
export function newFrameKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The frame's end: reports now and on every change until the popup goes, and reveals on request. */
export function servePageMentions(port: MentionsPort, source: FrameMentionSource, frame: FrameIdentity): void {
  let open = true;
  const post = (report: FrameReport) => {
    if (!open) return;
    try {
      port.postMessage(report);
    } catch {
      open = false; // the popup closed between two changes
    }
  };
  const report = () => post({ type: 'mentions', frame: frame.key, top: frame.top, mentions: source.pageMentions() });
  const stop = source.onMentionsChanged(report);
  port.onDisconnect.addListener(() => {
    open = false;
    stop();
  });
  port.onMessage.addListener((message) => {
    if (!isRevealRequest(message) || message.frame !== frame.key) return;
    post({ type: 'revealed', frame: frame.key, entityId: message.entityId, revealed: source.revealEntity(message.entityId) });
  });
  report();
}

/** The order of "what this page mentions", in a frame's report and in the sum: most frequent first, then by name. */
export function byMentionCount(a: PageMentionCount, b: PageMentionCount): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}

/** The sum of the frames' reports: one row per entity, in `byMentionCount` order. */
export function mergeFrameMentions(reports: Iterable<readonly PageMentionCount[]>): PageMentionCount[] {
  const rows = new Map<string, PageMentionCount>();
  for (const mentions of reports) {
    for (const mention of mentions) {
      const row = rows.get(mention.entityId);
      if (row) row.count += mention.count;
      else rows.set(mention.entityId, { ...mention });
    }
  }
  return [...rows.values()].sort(byMentionCount);
}

export interface PageMentionsConnection {
  /** Calls back with the tab's mentions, all frames merged: at once if any frame has reported, then on every change. */
  watch(onChange: (mentions: PageMentionCount[]) => void): () => void;
  /** Has a frame that mentions the entity (the top document first) scroll to it and open its card. */
  reveal(entityId: string): Promise<boolean>;
}

/** How long a frame gets to answer a reveal before the next frame that has the entity is asked. */
const REVEAL_TIMEOUT_MS = 2_000;

/** The popup's end of a port opened with `tabs.connect(tabId, { name: PAGE_MENTIONS_PORT })`. */
export function connectPageMentions(port: MentionsPort): PageMentionsConnection {
  const frames = new Map<string, { top: boolean; mentions: PageMentionCount[] }>();
  const watchers = new Set<(mentions: PageMentionCount[]) => void>();
  const pendingReveals = new Set<(report: Extract<FrameReport, { type: 'revealed' }> | null) => void>();
  let connected = true;
  const merged = () => mergeFrameMentions([...frames.values()].map((frame) => frame.mentions));

  port.onMessage.addListener((message) => {
    if (!isFrameReport(message)) return;
    if (message.type === 'revealed') {
      for (const settle of [...pendingReveals]) settle(message);
      return;
    }
    frames.set(message.frame, { top: message.top, mentions: message.mentions });
    const mentions = merged();
    for (const watcher of watchers) watcher(mentions);
  });
  port.onDisconnect.addListener(() => {
    connected = false;
    for (const settle of [...pendingReveals]) settle(null);
  });

  const askFrame = (frame: string, entityId: string): Promise<boolean> =>
    new Promise((resolve) => {
      const settle = (report: Extract<FrameReport, { type: 'revealed' }> | null) => {
        if (report && (report.frame !== frame || report.entityId !== entityId)) return;
        clearTimeout(timer);
        pendingReveals.delete(settle);
        resolve(report?.revealed ?? false);
      };
      const timer = setTimeout(() => settle(null), REVEAL_TIMEOUT_MS);
      pendingReveals.add(settle);
      try {
        port.postMessage({ type: 'reveal', frame, entityId } satisfies RevealRequest);
      } catch {
        settle(null);
      }
    });

  return {
    watch(onChange) {
      watchers.add(onChange);
      if (frames.size > 0) onChange(merged());
      return () => watchers.delete(onChange);
    },
    async reveal(entityId) {
      const candidates = [...frames.entries()]
        .filter(([, frame]) => frame.mentions.some((mention) => mention.entityId === entityId))
        .sort(([, a], [, b]) => Number(b.top) - Number(a.top));
      for (const [key] of candidates) {
        if (!connected) return false;
        if (await askFrame(key, entityId)) return true;
      }
      return false;
    },
  };
}

function isRevealRequest(message: unknown): message is RevealRequest {
  const candidate = message as Partial<RevealRequest> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.type === 'reveal' && typeof candidate.frame === 'string' && typeof candidate.entityId === 'string';
}

function isFrameReport(message: unknown): message is FrameReport {
  const candidate = message as { type?: unknown; frame?: unknown; mentions?: unknown; entityId?: unknown } | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.frame !== 'string') return false;
  if (candidate.type === 'mentions') return Array.isArray(candidate.mentions);
  return candidate.type === 'revealed' && typeof candidate.entityId === 'string';
}
