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

/**
 * Collects on a clock that moves 1 ms per call, `budgetMs` per slice, so the walk must yield; returns how
 * many times it did.
 */
function collectInSlices(collector: TextRunCollector, budgetMs: number): number {
  let clock = 0;
  let slices = 0;
  while (!collector.collect(clock + budgetMs, () => ++clock)) slices++;
  return slices;
}

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

  it('leaves out menu labels in navigation landmarks (however indented), and reads headlines there and all text elsewhere', () => {
    const runs = runsOf(`
      <nav><ul><li>${' '.repeat(80)}<a href="#">UK</a>${' '.repeat(80)}</li><li><a href="#">US &amp; Canada</a></li><li><a href="#">Latin America</a></li></ul>
        <p>Will the U.S. and Canada leave Mexico behind?</p></nav>
      <ul role="navigation"><li>Europe</li></ul>
      <div id="host"></div>
      <p>Europe</p>`, (root) => {
      const shadow = (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
      shadow.innerHTML = '<nav><span>Paris</span></nav><p>Paris</p>';
    });
    expect(runs.map((run) => run.text.trim())).toEqual(['Will the U.S. and Canada leave Mexico behind?', 'Paris', 'Europe']);
    // A rescan that starts inside a menu knows it is in one; so does one of a lone text node there.
    document.body.innerHTML = '<nav><p id="item">UK <b>news</b></p></nav>';
    const item = document.getElementById('item') as HTMLElement;
    for (const root of [item, item.firstChild as Node]) {
      const collector = new TextRunCollector(root);
      while (!collector.collect(Number.POSITIVE_INFINITY));
      expect(collector.runs).toEqual([]);
    }
  });

  it('keeps counting menus across slices, and forgets one the page removed mid-walk', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li>item ${i}</li>`).join('');
    document.body.innerHTML = `<nav id="menu">${items}</nav><p>after the menu</p>`;
    const collector = new TextRunCollector(document.body);
    expect(collectInSlices(collector, 2)).toBeGreaterThan(1);
    expect(collector.runs.map((run) => run.text)).toEqual(['after the menu']);
    // Left out, but read: the labels still count as page text.
    expect(collector.menuLabelLength).toBe(Array.from({ length: 300 }, (_, i) => `item ${i}`.length).reduce((sum, length) => sum + length, 0));

    document.body.innerHTML = `<nav id="menu">${items}</nav><p>UK news</p>`;
    const removed = new TextRunCollector(document.body);
    expect(removed.collect(0, () => 1)).toBe(false);
    document.getElementById('menu')?.remove();
    while (!removed.collect(Number.POSITIVE_INFINITY));
    expect(removed.runs.map((run) => run.text)).toEqual(['UK news']);
  });

  it('stops at its deadline and resumes where it left off', () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>paragraph ${i}</p>`).join('');
    document.body.innerHTML = html;
    const collector = new TextRunCollector(document.body);
    expect(collectInSlices(collector, 2)).toBeGreaterThan(1);
    expect(collector.runs.map((run) => run.text)).toEqual(Array.from({ length: 600 }, (_, i) => `paragraph ${i}`));
  });
});

describe('TextRunCollector run boundaries', () => {
  it('ends the run at a block nested in an inline element, and starts a new one after it', () => {
    const runs = runsOf('<p>before <span>in span <div>nested block</div> after block</span> tail <b>bold</b></p>');
    expect(runs.map((run) => run.text)).toEqual(['before in span ', 'nested block', ' after block tail bold']);
  });

  it('splits at line breaks and at empty block elements (images), even inside inline elements', () => {
    const runs = runsOf('<p>one<b>two<br>three</b><img src="data:,">four<i>five</i></p>');
    expect(runs.map((run) => run.text)).toEqual(['onetwo', 'three', 'fourfive']);
  });

  it('reads on after a skipped subtree: inline ones keep the run, others split it', () => {
    const runs = runsOf(
      '<p>Jean <span hidden>secret</span>Barrot<script>var x = "script";</script>said <svg><text>svg</text></svg>so</p>',
    );
    expect(runs.map((run) => run.text)).toEqual(['Jean Barrot', 'said ', 'so']);
  });

  it('skips subtrees that end deep inside their parent, and reads the text after them', () => {
    const runs = runsOf('<div><p>a<b>b<textarea>in field</textarea></b></p></div>c<div>d<em>e</em></div>');
    expect(runs.map((run) => run.text)).toEqual(['ab', 'c', 'de']);
  });

  it('keeps each run\'s text nodes and their offsets, dropping empty text nodes', () => {
    const runs = runsOf('<p>ab<b>cd</b>e</p>', (root) => {
      (root.querySelector('b') as HTMLElement).append(document.createTextNode(''), document.createComment('note'));
    });
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run?.text).toBe('abcde');
    expect(run?.nodes.map((node) => node.data)).toEqual(['ab', 'cd', 'e']);
    expect(run?.starts).toEqual([0, 2, 4]);
  });

  it('reads light children before the shadow root, each in runs of their own, then what follows the host', () => {
    const seen: ShadowRoot[] = [];
    document.body.innerHTML = '<p>before <span id="host">light <b>slotted</b></span> after</p><p>next</p>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = 'shadow <slot></slot> text<div id="inner"></div>';
    const inner = (shadow.getElementById('inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>nested shadow</p>';
    const collector = new TextRunCollector(document.body, (root) => seen.push(root));
    while (!collector.collect(Number.POSITIVE_INFINITY));
    expect(collector.runs.map((run) => run.text)).toEqual([
      'before light slotted', 'shadow  text', 'nested shadow', ' after', 'next',
    ]);
    expect(seen).toEqual([shadow, inner]);
  });

  it('reads the shadow root of a host without light children, and of the root itself', () => {
    const runs = runsOf('<div id="host"></div><p>after</p>', (root) => {
      (root.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = 'in shadow';
    });
    expect(runs.map((run) => run.text)).toEqual(['in shadow', 'after']);
    const collector = new TextRunCollector(document.getElementById('host') as HTMLElement);
    while (!collector.collect(Number.POSITIVE_INFINITY));
    expect(collector.runs.map((run) => run.text)).toEqual(['in shadow']);
  });

  it('reads a text node root, an inline root, and nothing under a skipped ancestor', () => {
    document.body.innerHTML = '<p>a <b id="bold">b <i>c</i></b></p><div contenteditable><p id="editable">d</p></div>';
    const textOnly = new TextRunCollector((document.getElementById('bold') as HTMLElement).firstChild as Text);
    while (!textOnly.collect(Number.POSITIVE_INFINITY));
    expect(textOnly.runs.map((run) => run.text)).toEqual(['b ']);
    const inline = new TextRunCollector(document.getElementById('bold') as HTMLElement);
    while (!inline.collect(Number.POSITIVE_INFINITY));
    expect(inline.runs.map((run) => run.text)).toEqual(['b c']);
    const editable = new TextRunCollector(document.getElementById('editable') as HTMLElement);
    while (!editable.collect(Number.POSITIVE_INFINITY));
    expect(editable.runs).toEqual([]);
  });

  it('reads on after a subtree the page removed while the walk was inside it', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li>item ${i}</li>`).join('');
    document.body.innerHTML = `<ul id="list">${items}</ul><p>after the list</p>`;
    const collector = new TextRunCollector(document.body);
    // A clock already past the deadline: the walk stops at its first check, inside the list.
    expect(collector.collect(0, () => 1)).toBe(false);
    document.getElementById('list')?.remove();
    while (!collector.collect(Number.POSITIVE_INFINITY));
    expect(collector.runs.at(-1)?.text).toBe('after the list');
  });

  it('reads on from where an open subtree was when the page moved it, or moved it away', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<li>item ${i}</li>`).join('');
    for (const move of [(list: HTMLElement) => document.body.append(list), (list: HTMLElement) => document.getElementById('elsewhere')?.append(list)]) {
      document.body.innerHTML = `<div id="elsewhere"></div><ul id="list">${items}</ul><p>after the list</p>`;
      const collector = new TextRunCollector(document.body);
      expect(collector.collect(0, () => 1)).toBe(false);
      move(document.getElementById('list') as HTMLElement);
      while (!collector.collect(Number.POSITIVE_INFINITY));
      expect(collector.runs.map((run) => run.text)).toContain('after the list');
    }
  });

  it('does not follow the node it was about to visit when the page moved it elsewhere', () => {
    document.body.innerHTML = '<p id="words"></p><p>end</p><div id="elsewhere"></div>';
    const paragraph = document.getElementById('words') as HTMLElement;
    // One text node per word, so the walk stops between two of them.
    paragraph.append(...Array.from({ length: 400 }, (_, i) => `${i === 0 ? '' : ' '}w${i}`));
    const collector = new TextRunCollector(document.body);
    // The walk stops at its first check, about a hundred words in.
    expect(collector.collect(0, () => 1)).toBe(false);
    const elsewhere = document.getElementById('elsewhere') as HTMLElement;
    while (paragraph.childNodes.length > 20) elsewhere.prepend(paragraph.lastChild as Node);
    while (!collector.collect(Number.POSITIVE_INFINITY));
    const texts = collector.runs.map((run) => run.text);
    // The moved words are read once, where they are now.
    expect(texts).toEqual([expect.stringMatching(/^w0 w1 /), 'end', expect.stringMatching(/^ w20 w21 .* w399$/)]);
    expect(texts[0]).not.toContain('w399');
  });

  it('resumes in the middle of a run without splitting it', () => {
    const words = Array.from({ length: 400 }, (_, i) => `<b>w${i}</b> `).join('');
    document.body.innerHTML = `<p>${words}</p><p>end</p>`;
    const collector = new TextRunCollector(document.body);
    expect(collectInSlices(collector, 1)).toBeGreaterThan(2);
    expect(collector.runs.map((run) => run.text)).toEqual([
      Array.from({ length: 400 }, (_, i) => `w${i} `).join(''),
      'end',
    ]);
    expect(collector.runs[0]?.nodes).toHaveLength(800);
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
