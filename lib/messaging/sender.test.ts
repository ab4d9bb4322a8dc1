import { describe, expect, it } from 'vitest';
import { classifySender } from './sender';

const own = { extensionId: 'abc', extensionOrigin: 'chrome-extension://abc/' };

describe('classifySender', () => {
  it('trusts our own extension pages with everything', () => {
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abc/options.html' }, own)).toBe('extension-page');
  });

  it('treats our content script in a web page as a content script', () => {
    expect(classifySender({ id: 'abc', url: 'https://news.example/article' }, own)).toBe('content-script');
    // A page whose URL merely starts like ours is still a page.
    expect(classifySender({ id: 'abc', url: 'chrome-extension://abcd/options.html' }, own)).toBe('content-script');
    expect(classifySender({ id: 'abc' }, own)).toBe('content-script');
  });

  it('refuses other extensions and anything without our id', () => {
    expect(classifySender({ id: 'evil', url: 'chrome-extension://abc/options.html' }, own)).toBe('foreign');
    expect(classifySender({ url: 'https://news.example/' }, own)).toBe('foreign');
  });
});
