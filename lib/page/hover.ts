/**
 * Pointer behaviour around mentions, like Wikipedia's Page Previews: a card opens after the pointer
 * dwells on a mention, stays open while the pointer moves into it (a short grace period), and closes on
 * Esc, when the pointer leaves both, or when its mention scrolls away.
 */
import { windowOf } from './frames';
import { mentionAtPoint, type MentionHit, type MentionIndex } from './hit-test';
import type { PageMention } from './highlights';

/** Time to travel from a mention into its card, or back, before the card closes. */
export const GRACE_MS = 300;

export interface HoverDeps {
  doc: Document;
  index: () => MentionIndex | null;
  dwellMs: () => number;
  openCard: (hit: MentionHit) => void;
  /** The pointer came to rest on a mention: a card may follow, so get ready (load the card UI). */
  onDwellStart?: (hit: MentionHit) => void;
  closeCard: () => void;
  /** The mention whose card is open, if any. */
  openMention: () => PageMention | null;
  /** The card's host element while a card is open. */
  cardHost: () => Element | null;
  signal: AbortSignal;
}

export class HoverController {
  private dwellTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingMention: PageMention | null = null;
  private frame = 0;
  private lastPoint: { x: number; y: number; target: EventTarget | null } | null = null;

  constructor(private readonly deps: HoverDeps) {
    const win = windowOf(deps.doc);
    const options = { capture: true, passive: true, signal: deps.signal } as const;
    win.addEventListener('mousemove', (event) => this.onMove(event), options);
    win.addEventListener('mouseout', (event) => {
      if (!event.relatedTarget) this.onLeaveWindow(); // left the document
    }, options);
    win.addEventListener('scroll', () => this.onScroll(), options);
    win.addEventListener('keydown', (event) => this.onKey(event), { capture: true, signal: deps.signal });
    deps.signal.addEventListener('abort', () => this.cancelAll());
  }

  cancelAll(): void {
    this.clearDwell();
    this.clearGrace();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private onMove(event: MouseEvent): void {
    this.lastPoint = { x: event.clientX, y: event.clientY, target: event.target };
    if (this.frame) return;
    // One hit test per frame, however fast the mouse moves.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      try {
        this.evaluate();
      } catch (error) {
        console.debug('[factcards] hover failed', error);
      }
    });
  }

  private evaluate(): void {
    const point = this.lastPoint;
    if (!point) return;
    const host = this.deps.cardHost();
    if (host && point.target === host) {
      // Inside the card (events from its shadow root are retargeted to the host): keep it open.
      this.clearGrace();
      this.clearDwell();
      return;
    }
    const index = this.deps.index();
    const hit = index ? mentionAtPoint(this.deps.doc, point.x, point.y, index) : null;
    const open = this.deps.openMention();
    if (hit && open && hit.mention === open) {
      this.clearGrace();
      this.clearDwell();
      return;
    }
    if (!hit) {
      this.clearDwell();
      if (open) this.startGrace();
      return;
    }
    if (hit.mention === this.pendingMention) return; // still dwelling
    this.clearDwell();
    this.pendingMention = hit.mention;
    this.deps.onDwellStart?.(hit);
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = null;
      this.pendingMention = null;
      this.clearGrace();
      this.deps.openCard(hit);
    }, this.deps.dwellMs());
  }

  private onLeaveWindow(): void {
    this.clearDwell();
    if (this.deps.openMention()) this.startGrace();
  }

  private onScroll(): void {
    this.clearDwell(); // the mention moved from under the pointer
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    this.clearDwell();
    if (!this.deps.openMention()) return;
    this.deps.closeCard();
  }

  private startGrace(): void {
    if (this.graceTimer) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      this.deps.closeCard();
    }, GRACE_MS);
  }

  private clearGrace(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }

  private clearDwell(): void {
    if (this.dwellTimer) clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
    this.pendingMention = null;
  }
}
