import { describe, expect, it, vi } from 'vitest';
import { connectPageMentions, mergeFrameMentions, servePageMentions, type FrameMentionSource, type MentionsPort } from './page-mentions-port';
import type { PageMentionCount } from './protocol';

/** One end of an in-memory port: what it posts reaches the ends it is joined to, a task later (as in browsers). */
class FakePortEnd implements MentionsPort {
  peers: FakePortEnd[] = [];
  closed = false;
  private readonly messageListeners: Array<(message: unknown) => void> = [];
  private readonly disconnectListeners: Array<() => void> = [];
  readonly onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  readonly onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    const copy: unknown = JSON.parse(JSON.stringify(message));
    for (const peer of this.peers) setTimeout(() => peer.deliver(copy), 0);
  }

  /** The other side went away. */
  disconnect(): void {
    this.closed = true;
    for (const listener of this.disconnectListeners) listener();
  }

  private deliver(message: unknown): void {
    if (!this.closed) for (const listener of this.messageListeners) listener(message);
  }
}

/** `tabs.connect` without a frame id: one popup end joined to an end in every frame. */
function connectTab(frameCount: number): { popup: FakePortEnd; frames: FakePortEnd[] } {
  const popup = new FakePortEnd();
  const frames = Array.from({ length: frameCount }, () => new FakePortEnd());
  popup.peers = frames;
  for (const frame of frames) frame.peers = [popup];
  return { popup, frames };
}

/** A tab whose frames (the first one the top document) serve these sources, and the popup's connection to it. */
function tabServing(...sources: FrameMentionSource[]): { popup: FakePortEnd; frames: FakePortEnd[]; connection: ReturnType<typeof connectPageMentions> } {
  const { popup, frames } = connectTab(sources.length);
  const connection = connectPageMentions(popup);
  sources.forEach((source, index) => servePageMentions(frames[index] as FakePortEnd, source, { key: index === 0 ? 'top' : `frame-${index}`, top: index === 0 }));
  return { popup, frames, connection };
}

function fakeFrame(mentions: PageMentionCount[], canReveal = true) {
  const changed = new Set<() => void>();
  const frame = {
    mentions,
    unsubscribed: 0,
    pageMentions: () => frame.mentions,
    revealEntity: vi.fn((entityId: string) => canReveal && frame.mentions.some((mention) => mention.entityId === entityId)),
    onMentionsChanged: (callback: () => void) => {
      changed.add(callback);
      return () => {
        frame.unsubscribed++;
        changed.delete(callback);
      };
    },
    change(next: PageMentionCount[]) {
      frame.mentions = next;
      for (const callback of changed) callback();
    },
  };
  return frame satisfies FrameMentionSource;
}

const row = (entityId: string, count: number): PageMentionCount => ({ entityId, name: entityId[0]?.toUpperCase() + entityId.slice(1), type: 'person', count });
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('page mentions over the popup port', () => {
  it("adds up the frames' reports, most frequent first, and follows each frame's changes", async () => {
    const top = fakeFrame([row('mandon', 2)]);
    const child = fakeFrame([row('mandon', 1), row('starmer', 1)]);
    const { connection } = tabServing(top, child);
    const seen: PageMentionCount[][] = [];
    connection.watch((mentions) => seen.push(mentions));
    await settle();
    expect(seen.at(-1)).toEqual([row('mandon', 3), row('starmer', 1)]);
    child.change([row('starmer', 4)]);
    await settle();
    expect(seen.at(-1)).toEqual([row('starmer', 4), row('mandon', 2)]);
    // A watcher that comes later gets the current sum at once.
    const late = vi.fn();
    connection.watch(late);
    expect(late).toHaveBeenCalledWith([row('starmer', 4), row('mandon', 2)]);
  });

  it('reveals in the top document when it has the entity, else in the frame that has it, and answers false for neither', async () => {
    const top = fakeFrame([row('mandon', 1)]);
    const child = fakeFrame([row('mandon', 1), row('starmer', 1)]);
    const { connection } = tabServing(top, child);
    await settle();
    expect(await connection.reveal('mandon')).toBe(true);
    expect(top.revealEntity).toHaveBeenCalledWith('mandon');
    expect(child.revealEntity).not.toHaveBeenCalled();
    expect(await connection.reveal('starmer')).toBe(true);
    expect(child.revealEntity).toHaveBeenCalledWith('starmer');
    expect(top.revealEntity).not.toHaveBeenCalledWith('starmer');
    expect(await connection.reveal('barrot')).toBe(false);
  });

  it('asks the next frame when one cannot reveal, and answers false once the port has closed', async () => {
    const top = fakeFrame([row('mandon', 1)], false);
    const child = fakeFrame([row('mandon', 1)]);
    const { popup, connection } = tabServing(top, child);
    await settle();
    expect(await connection.reveal('mandon')).toBe(true);
    expect(top.revealEntity).toHaveBeenCalled();
    expect(child.revealEntity).toHaveBeenCalled();
    popup.disconnect();
    expect(await connection.reveal('mandon')).toBe(false);
  });

  it('stops reporting when the popup goes, and ignores messages that are not its own', async () => {
    const top = fakeFrame([row('mandon', 1)]);
    const { popup, frames, connection } = tabServing(top);
    const frameEnd = frames[0] as FakePortEnd;
    const seen = vi.fn();
    connection.watch(seen);
    popup.postMessage({ type: 'reveal', frame: 'someone-else', entityId: 'mandon' });
    popup.postMessage('hello');
    frameEnd.postMessage({ type: 'mentions', frame: 'x', mentions: 'not a list' });
    await settle();
    expect(top.revealEntity).not.toHaveBeenCalled();
    expect(seen).toHaveBeenLastCalledWith([row('mandon', 1)]);
    frameEnd.disconnect();
    expect(top.unsubscribed).toBe(1);
    expect(() => top.change([])).not.toThrow();
  });
});

describe('mergeFrameMentions', () => {
  it('sums counts per entity and breaks ties by name', () => {
    expect(mergeFrameMentions([[row('paris', 1), row('barrot', 2)], [row('barrot', 1), row('merz', 1)], []])).toEqual([
      row('barrot', 3),
      row('merz', 1),
      row('paris', 1),
    ]);
  });
});
