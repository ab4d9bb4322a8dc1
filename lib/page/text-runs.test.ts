// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TextRunCollector, hasScannableText, hasSkippedAncestorOrSelf, rangeFor, type TextRun } from './text-runs';

function runsOf(html: string, setup?: (root: HTMLElement) => void): TextRun[] {
  document.body.innerHTML = html;
  setup?.(document.body);
  const collector = new TextRunCollector(document.body);
  while (!collector.collect(Number.POSITIVE_INFINITY));
  return collector.runs;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TextRunCollector', () => {
  it('keeps inline elements in one run, so a name split by markup is still one name', () => {
    const runs = runsOf('<p>Foreign minister <b>Jean-Noël</b> Barrot <a href="#">spoke</a>.</p>');
    expect(runs.map((run) => run.text)).toEqual(['Foreign minister Jean-Noël Barrot spoke.']);
  });

  it('never joins two blocks, or the two sides of a line break, into one run', () => {
    const runs = runsOf('<div>Emmanuel<p>Macron</p>tail</div><p>one<br>two</p>');
    expect(runs.map((run) => run.text)).toEqual(['Emmanuel', 'Macron', 'tail', 'one', 'two']);
  });

  it('skips fields, editable regions, scripts, SVG, hidden elements and our own card', () => {
    const runs = runsOf(`
      <p>kept</p>
      <textarea>in textarea</textarea><input value="in input"><select><option>in option</option></select>
      <div contenteditable="true">in editable <b>bold</b></div><div contenteditable="false">not editable</div>
      <script>var inScript = 1;</script><style>.in-style {}</style><noscript>in noscript</noscript>
      <template><p>in template</p></template>
      <svg><text>in svg</text></svg>
      <p hidden>in hidden</p>
      <factcards-card>in our card</factcards-card>`);
    const texts = runs.map((run) => run.text.trim());
    expect(texts).toEqual(['kept', 'not editable']);
  });

  it('reads open shadow roots, and leaves closed ones to the page', () => {
    const runs = runsOf('<p>light</p><div id="open"></div><div id="closed"></div>', (root) => {
      const open = (root.querySelector('#open') as HTMLElement).attachShadow({ mode: 'open' });
      open.innerHTML = '<p>in open shadow</p>';
      const closed = (root.querySelector('#closed') as HTMLElement).attachShadow({ mode: 'closed' });
      closed.innerHTML = '<p>in closed shadow</p>';
    });
    expect(runs.map((run) => run.text)).toEqual(['light', 'in open shadow']);
  });

  it('stops at its deadline and resumes where it left off', () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>paragraph ${i}</p>`).join('');
    document.body.innerHTML = html;
    const collector = new TextRunCollector(document.body);
    let clock = 0;
    let slices = 0;
    // A clock that moves 1 ms per call, with a 2 ms budget per slice: the walk must yield several times.
    while (!collector.collect(clock + 2, () => ++clock)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(collector.runs.map((run) => run.text)).toEqual(Array.from({ length: 600 }, (_, i) => `paragraph ${i}`));
  });
});

describe('rangeFor', () => {
  it('maps run offsets back to the text nodes they came from, across inline elements', () => {
    const [run] = runsOf('<p>Minister <b>Jean-Noël</b> Barrot said</p>');
    if (!run) throw new Error('no run');
    const start = run.text.indexOf('Jean');
    const end = run.text.indexOf(' said');
    const range = rangeFor(run, start, end);
    expect(range?.toString()).toBe('Jean-Noël Barrot');
    expect(range?.startContainer.parentElement?.tagName).toBe('B');
  });

  it('gives no range once the text has left the page', () => {
    const [run] = runsOf('<p>General Mandon</p>');
    if (!run) throw new Error('no run');
    document.body.innerHTML = '';
    expect(rangeFor(run, 8, 14)).toBeNull();
  });
});

describe('hasSkippedAncestorOrSelf', () => {
  it('sees an editable or field ancestor, through shadow roots', () => {
    document.body.innerHTML = '<div contenteditable="true"><span id="inside">x</span></div><div id="host"></div>';
    expect(hasSkippedAncestorOrSelf(document.getElementById('inside'))).toBe(true);
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="shadowed">y</p>';
    expect(hasSkippedAncestorOrSelf(shadow.getElementById('shadowed'))).toBe(false);
  });
});

describe('hasScannableText', () => {
  it('is false for a frame with nothing to read (scripts, whitespace, fields), true once a block has text', () => {
    document.body.innerHTML = '<script>var ad = 1;</script>\n  <div> </div><input value="Macron"><textarea>Macron</textarea>';
    expect(hasScannableText(document.body)).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Emmanuel <b>Macron</b></p>');
    expect(hasScannableText(document.body)).toBe(true);
  });

  it('finds text inside an open shadow root and reports the root', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    const seen: ShadowRoot[] = [];
    expect(hasScannableText(document.body, (root) => seen.push(root))).toBe(false);
    expect(seen).toEqual([shadow]);
    shadow.innerHTML = '<p>Keir Starmer</p>';
    expect(hasScannableText(document.body)).toBe(true);
  });

});
