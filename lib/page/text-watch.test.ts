// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenTextArrives } from './text-watch';

describe('whenTextArrives', () => {
  const stops: Array<(() => void) | null> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop?.();
    document.body.innerHTML = '';
  });

  /** Lets the MutationObserver deliver what was just changed. */
  const delivered = () => new Promise((done) => setTimeout(done, 0));

  it('waits through changes that bring no text to read, then calls back once when text arrives', async () => {
    document.body.innerHTML = '<div class="ad-slot"></div>';
    const onText = vi.fn();
    stops.push(whenTextArrives(document, onText));
    const slot = document.querySelector('.ad-slot') as HTMLElement;
    slot.append(document.createElement('img'), Object.assign(document.createElement('script'), { textContent: 'var General = "Mandon";' }));
    await delivered();
    expect(onText).not.toHaveBeenCalled();

    slot.append(Object.assign(document.createElement('p'), { textContent: 'General Mandon spoke.' }));
    await delivered();
    expect(onText).toHaveBeenCalledTimes(1);
    slot.append(Object.assign(document.createElement('p'), { textContent: 'And again.' }));
    await delivered();
    expect(onText).toHaveBeenCalledTimes(1);
  });

  it('sees text written into an open shadow root that was there, empty, from the start', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    const onText = vi.fn();
    stops.push(whenTextArrives(document, onText));
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'General Mandon spoke.' }));
    await delivered();
    expect(onText).toHaveBeenCalledTimes(1);
  });

  it('watches nothing, and says so, when the document has text already', async () => {
    document.body.innerHTML = '<p>General Mandon spoke.</p>';
    const onText = vi.fn();
    expect(whenTextArrives(document, onText)).toBeNull();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'And again.' }));
    await delivered();
    expect(onText).not.toHaveBeenCalled();
  });

  it('calls nothing once stopped', async () => {
    document.body.innerHTML = '<div></div>';
    const onText = vi.fn();
    const stop = whenTextArrives(document, onText);
    expect(stop).not.toBeNull();
    stop?.();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'General Mandon spoke.' }));
    await delivered();
    expect(onText).not.toHaveBeenCalled();
  });
});
