import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { forwardPageCommand } from './commands';

const sendMessage = vi.fn<(type: string, data: unknown, tabId: number) => Promise<boolean>>();
vi.mock('../messaging/protocol', () => ({ tabMessenger: { sendMessage: (...args: [string, unknown, number]) => sendMessage(...args) } }));

describe('forwardPageCommand', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    sendMessage.mockReset();
    sendMessage.mockResolvedValue(true);
  });

  it("sends each keyboard command to the tab's content script", async () => {
    expect(await forwardPageCommand('open-card', 7)).toBe(true);
    expect(await forwardPageCommand('next-mention', 7)).toBe(true);
    expect(await forwardPageCommand('previous-mention', 7)).toBe(true);
    expect(sendMessage.mock.calls).toEqual([
      ['openCardAtSelection', undefined, 7],
      ['revealAdjacentMention', { direction: 'next' }, 7],
      ['revealAdjacentMention', { direction: 'previous' }, 7],
    ]);
  });

  it('addresses the active tab when the browser names none', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12 } as Browser.tabs.Tab]);
    expect(await forwardPageCommand('open-card')).toBe(true);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sendMessage.mock.calls).toEqual([['openCardAtSelection', undefined, 12]]);
  });

  it('answers false for commands it does not know, and for tabs without a content script', async () => {
    expect(await forwardPageCommand('_execute_action', 7)).toBe(false);
    expect(sendMessage).not.toHaveBeenCalled();
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await forwardPageCommand('next-mention', 7)).toBe(false);
  });
});
