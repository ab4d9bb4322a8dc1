/**
 * Keyboard commands (manifest `commands`): the browser delivers them to the background, which forwards
 * each to the content script of the active tab. Wire it in the background with
 * `browser.commands.onCommand.addListener((command, tab) => void forwardPageCommand(command, tab?.id))`.
 */
import { browser } from 'wxt/browser';
import { tabMessenger } from '../messaging/protocol';

export const PAGE_COMMANDS = ['open-card', 'next-mention', 'previous-mention'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

export function isPageCommand(command: string): command is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(command);
}

/** Sends a command to the tab's content script; resolves false when the tab has none (e.g. a browser page). */
export async function forwardPageCommand(command: string, tabId?: number): Promise<boolean> {
  if (!isPageCommand(command)) return false;
  try {
    const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id === undefined) return false;
    if (command === 'open-card') return await tabMessenger.sendMessage('openCardAtSelection', undefined, id);
    return await tabMessenger.sendMessage('revealAdjacentMention', { direction: command === 'next-mention' ? 'next' : 'previous' }, id);
  } catch {
    return false;
  }
}
