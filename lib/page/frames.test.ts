import { describe, expect, it } from 'vitest';
import { isPageFrame } from './frames';

const PAGE = 'https://news.example';

/** A window as isPageFrame sees it; `top` is a getter so a test can tell whether it was touched. */
function frameWindow(options: { ancestorOrigins?: string[]; origin?: string; top?: () => unknown }): { win: Window; topTouched: () => boolean } {
  let touched = false;
  const win = {
    origin: options.origin ?? PAGE,
    location: { ancestorOrigins: options.ancestorOrigins },
    get top() {
      touched = true;
      return options.top ? options.top() : win;
    },
  };
  return { win: win as unknown as Window, topTouched: () => touched };
}

describe('isPageFrame', () => {
  it('says no for the top document, from its empty ancestor list alone', () => {
    const { win, topTouched } = frameWindow({ ancestorOrigins: [] });
    expect(isPageFrame(win)).toBe(false);
    expect(topTouched()).toBe(false);
  });

  it("says yes for a frame of the top's origin without touching another window", () => {
    const { win, topTouched } = frameWindow({ ancestorOrigins: ['https://ads.example', PAGE] });
    expect(isPageFrame(win)).toBe(true);
    expect(topTouched()).toBe(false);
  });

  it("says no for a third party's frame, whose top document cannot be read", () => {
    const { win } = frameWindow({
      ancestorOrigins: [PAGE],
      origin: 'https://ads.example',
      top: () => ({
        get document(): Document {
          throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        },
      }),
    });
    expect(isPageFrame(win)).toBe(false);
  });

  it('asks the top document when there is no ancestor list (Firefox) or it hides the origins', () => {
    const top = { document: {} };
    expect(isPageFrame(frameWindow({ top: () => top }).win)).toBe(true);
    expect(isPageFrame(frameWindow({ ancestorOrigins: ['null'], top: () => top }).win)).toBe(true);
    // Without a list, the top document is the window that is its own top.
    expect(isPageFrame(frameWindow({}).win)).toBe(false);
  });
});
