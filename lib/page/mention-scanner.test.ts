// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher, createFuzzyResolver, loadMatcher, matchTexts, type TextMatches } from '../match';
import { FIXTURE_ALIASES, FIXTURE_ENTITIES } from '../match/match.fixture';
import type { Result } from '../messaging/protocol';
import type { PageMention } from './highlights';
import { MAX_BATCH_CHARS, MentionScanner } from './mention-scanner';

// The background's side, as the content script meets it: the real matcher and fuzzy resolver behind a message.
const matcher = loadMatcher(compileMatcher(FIXTURE_ENTITIES, FIXTURE_ALIASES));
const resolveFuzzy = createFuzzyResolver(FIXTURE_ENTITIES);

interface Harness {
  sent: string[][];
  marks: () => Array<[string, string]>;
  /** Waits until the scanner has taken in the DOM changes just made. */
  settled: () => Promise<void>;
}

/** A page of `html`, scanned once (the scanner is stopped after the test). */
async function scan(
  html: string,
  answer: (texts: string[]) => Result<TextMatches> = (texts) => ({ ok: true, value: matchTexts(texts, matcher) }),
  isOwnNode: (node: Node) => boolean = () => false,
): Promise<Harness> {
  document.body.innerHTML = html;
  const sent: string[][] = [];
  let latest: PageMention[] = [];
  const scanner = new MentionScanner({
    doc: document,
    matchText: async (texts) => {
      sent.push(texts);
      return answer(texts);
    },
    resolveFuzzy: async (candidates) => ({ ok: true, value: candidates.map((candidate) => resolveFuzzy(candidate)) }),
    onChange: (mentions) => (latest = mentions),
    isOwnNode,
    yieldToPage: () => Promise.resolve(),
  });
  current = scanner;
  await scanner.start();
  return {
    sent,
    marks: () => latest.map((mention) => [mention.range.toString(), mention.entityId]),
    settled: async () => {
      // Mutation records are delivered in a microtask after the change; the rescan they start, after that.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await scanner.whenIdle();
    },
  };
}

let current: MentionScanner | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  current?.stop();
  document.body.innerHTML = '';
});

describe('MentionScanner', () => {
  it('marks what the background finds, on the page text it came from, across inline markup', async () => {
    const page = await scan('<p>President <b>Emmanuel</b> Macron met Barrot.</p><p>In Paris, not Parisien.</p>');
    expect(page.marks()).toEqual([
      ['Emmanuel Macron', 'macron'],
      ['Barrot', 'barrot'],
      ['Paris', 'paris'],
    ]);
    expect(page.sent).toEqual([['President Emmanuel Macron met Barrot.', 'In Paris, not Parisien.']]);
  });

  it('sends a long page in several messages, none over the batch size, and marks all of it', async () => {
    const filler = `<p>${'The talks went on late into the evening. '.repeat(200)}</p>`;
    const paragraphs = Math.ceil((2.5 * MAX_BATCH_CHARS) / 8_000);
    const page = await scan(`<p>Barrot first.</p>${filler.repeat(paragraphs)}<p>Merz last.</p>`);
    expect(page.sent.length).toBeGreaterThanOrEqual(3);
    for (const texts of page.sent) expect(texts.join('').length).toBeLessThanOrEqual(MAX_BATCH_CHARS);
    expect(page.marks()).toEqual([
      ['Barrot', 'barrot'],
      ['Merz', 'merz'],
    ]);
  });

  it('marks a misspelt name the fuzzy lookup resolves, in place of the known surname inside it', async () => {
    const page = await scan('<p>Talks with Kir Starmer and Zelenskiy.</p>');
    expect(page.marks()).toEqual([
      ['Kir Starmer', 'starmer'],
      ['Zelenskiy', 'zelensky'],
    ]);
  });

  it('leaves the page unmarked, without throwing, when the background cannot answer', async () => {
    const page = await scan('<p>Barrot spoke.</p>', () => ({ ok: false, error: { code: 'internal', message: 'store closed' } }));
    expect(page.marks()).toEqual([]);
  });

  it('reads an inline element added inside a block together with the block, as runs are read', async () => {
    const page = await scan('<p id="para">the coalition of the </p>');
    expect(page.marks()).toEqual([]);
    const inserted = document.createElement('ins');
    inserted.textContent = 'willing';
    document.getElementById('para')?.append(inserted);
    await page.settled();
    expect(page.marks()).toEqual([['coalition of the willing', 'coalition']]);
  });

  it('follows text edited in place: a new name is marked where it now stands, a name edited away loses its mark', async () => {
    const page = await scan('<p id="first">Barrot spoke.</p><p id="second">Merz replied.</p>');
    (document.getElementById('first')?.firstChild as Text).data = 'Yesterday, Barrot spoke.';
    (document.getElementById('second')?.firstChild as Text).data = 'Nobody replied.';
    await page.settled();
    expect(page.marks()).toEqual([['Barrot', 'barrot']]);
  });

  it('never reads what the extension adds to the page itself', async () => {
    const page = await scan('<p>Barrot spoke.</p>', undefined, (node) => node instanceof Element && node.hasAttribute('data-own'));
    const own = document.createElement('div');
    own.setAttribute('data-own', '');
    own.textContent = 'Merz replied.';
    document.body.append(own);
    own.textContent = 'Merz replied again.';
    await page.settled();
    expect(page.sent).toEqual([['Barrot spoke.']]);
    expect(page.marks()).toEqual([['Barrot', 'barrot']]);
  });

  it('shows a name once the page reveals its text, and hides it again when the page hides it', async () => {
    const page = await scan('<style>.collapsed { display: none }</style><p>Barrot spoke.</p><div id="more" class="collapsed"><p>Merz replied.</p></div>');
    expect(page.marks()).toEqual([['Barrot', 'barrot']]);
    const more = document.getElementById('more') as HTMLElement;
    more.classList.remove('collapsed');
    await vi.waitFor(() => expect(page.marks()).toEqual([['Barrot', 'barrot'], ['Merz', 'merz']]));
    more.classList.add('collapsed');
    await vi.waitFor(() => expect(page.marks()).toEqual([['Barrot', 'barrot']]));
    // Read once: revealing text is a question of what is shown, not a new scan.
    expect(page.sent).toEqual([['Barrot spoke.', 'Merz replied.']]);
  });

  it('reads a block the page unhides by its hidden attribute (its text was never read)', async () => {
    const page = await scan('<p>Barrot spoke.</p><p id="later" hidden>Merz replied.</p>');
    expect(page.sent).toEqual([['Barrot spoke.']]);
    (document.getElementById('later') as HTMLElement).hidden = false;
    await vi.waitFor(() => expect(page.marks()).toEqual([['Barrot', 'barrot'], ['Merz', 'merz']]));
  });

  it('looks again after an event that may reveal text through CSS alone, with no change to the DOM', async () => {
    // A checkbox accordion: `#toggle:checked ~ #panel { display: block }` shows the panel once the box is
    // ticked, and no node or attribute changes. (happy-dom does not evaluate `:checked`: its answer is stood in for.)
    vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element) {
      return (document.getElementById('toggle') as HTMLInputElement).checked || !this.closest('#panel');
    });
    const page = await scan('<input id="toggle" type="checkbox"><div id="panel"><p>Merz replied.</p></div>');
    expect(page.marks()).toEqual([]);
    (document.getElementById('toggle') as HTMLInputElement).click();
    await vi.waitFor(() => expect(page.marks()).toEqual([['Merz', 'merz']]));
  });

  it.each([
    ['a popover or <details> toggled', 'toggle', 'panel'],
    ['the window resized across a media query', 'resize', 'window'],
    ['a transition ended', 'transitionend', 'panel'],
    ['an animation ended', 'animationend', 'panel'],
    ['the URL fragment changed (:target)', 'hashchange', 'window'],
  ])('looks again after %s', async (_what, type, target) => {
    let revealed = false;
    vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element) {
      return revealed || !this.closest('#panel');
    });
    const page = await scan('<div id="panel"><p>Merz replied.</p></div>');
    expect(page.marks()).toEqual([]);
    revealed = true;
    (target === 'window' ? window : (document.getElementById('panel') as HTMLElement)).dispatchEvent(new Event(type));
    await vi.waitFor(() => expect(page.marks()).toEqual([['Merz', 'merz']]));
  });

  it('looks again when the pointer or focus moves while a mention is hidden (a :hover menu), and after it revealed one', async () => {
    // `#menu:hover .panel { display: block }`: happy-dom does not evaluate `:hover`, so the pointer's place stands in.
    let pointerOver: Element | null = null;
    vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element) {
      return !this.closest('.panel') || pointerOver === document.getElementById('menu');
    });
    const page = await scan('<nav id="menu">Leaders<div class="panel"><p>Merz replied to the chancellor.</p></div></nav><p id="lead">Barrot spoke.</p>');
    expect(page.marks()).toEqual([['Barrot', 'barrot']]);
    const pointTo = (id: string) => {
      pointerOver = document.getElementById(id);
      pointerOver?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    };
    pointTo('menu');
    await vi.waitFor(() => expect(page.marks()).toEqual([['Merz', 'merz'], ['Barrot', 'barrot']]));
    // Nothing is hidden now, but the pointer leaving may hide what it revealed.
    pointTo('lead');
    await vi.waitFor(() => expect(page.marks()).toEqual([['Barrot', 'barrot']]));
  });

  it('marks text added later and forgets marks whose text is gone', async () => {
    const page = await scan('<p id="first">Barrot spoke.</p>');
    const added = document.createElement('p');
    added.textContent = 'Merz replied.';
    document.body.append(added);
    document.getElementById('first')?.remove();
    await page.settled();
    expect(page.marks()).toEqual([['Merz', 'merz']]);
  });

  it('leaves the site’s own name unmarked on its pages, by any of its names, and marks other outlets', async () => {
    document.head.innerHTML = '<meta property="og:site_name" content="BBC News">';
    try {
      const page = await scan('<p>Mr Obama told the BBC, as Le Monde reported.</p><p>© British Broadcasting Corporation</p>');
      expect(page.marks()).toEqual([['Le Monde', 'le-monde']]);
    } finally {
      document.head.innerHTML = '';
    }
  });

  it('marks an alias that names other things too only while the page also names its entity plainly', async () => {
    // A sports page: "the Patriots" is a football team, not the French party whose gloss it is.
    // The Communist Party of China is never the French party's, neither as written nor by fuzzy lookup.
    const page = await scan('<p>The Communist Party met, and so did the Communist Party of China; the Patriots won.</p>');
    expect(page.marks()).toEqual([]);
    const added = document.createElement('p');
    added.id = 'plain';
    added.textContent = 'Florian Philippot leads Les Patriotes, not the French Communist Party.';
    document.body.append(added);
    await page.settled();
    expect(page.marks()).toEqual([
      ['Communist Party', 'pcf'],
      ['the Patriots', 'patriotes'],
      ['Les Patriotes', 'patriotes'],
      ['French Communist Party', 'pcf'],
    ]);
    document.getElementById('plain')?.remove();
    await page.settled();
    expect(page.marks()).toEqual([]);
  });
});
