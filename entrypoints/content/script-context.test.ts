// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { QuietContentScriptContext } from './script-context';

describe('QuietContentScriptContext', () => {
  const contexts: QuietContentScriptContext[] = [];
  afterEach(() => {
    for (const context of contexts.splice(0)) context.abort();
  });

  it('stops the copy of the script already in the page when a new one starts', () => {
    const older = new QuietContentScriptContext('content');
    contexts.push(older);
    expect(older.signal.aborted).toBe(false);
    contexts.push(new QuietContentScriptContext('content'));
    expect(older.signal.aborted).toBe(true);
    expect(contexts[1]?.signal.aborted).toBe(false);
  });

  it('leaves other content scripts of the page running', () => {
    const other = new QuietContentScriptContext('other');
    contexts.push(other, new QuietContentScriptContext('content'));
    expect(other.signal.aborted).toBe(false);
  });

  it("posts nothing to the page's window", async () => {
    const received: unknown[] = [];
    const listener = (event: MessageEvent) => received.push(event.data);
    window.addEventListener('message', listener);
    try {
      contexts.push(new QuietContentScriptContext('content'), new QuietContentScriptContext('content'));
      // window.postMessage delivers in a later task.
      await new Promise((done) => setTimeout(done, 20));
      expect(received).toEqual([]);
    } finally {
      window.removeEventListener('message', listener);
    }
  });
});
