/**
 * The content script on the seed demo page and a scope fixture, in both browsers: names are marked in
 * `CSS.highlights` ('factcards-mention'), hovering one opens its `<factcards-card>` with dated, sourced
 * contexts, and nothing outside the page's readable text is touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { collectFrameTimings, hoverMention, highlightedTexts, isCardOpen, sendTabMessage, waitForCard, waitForHighlight, writeSettings } from './content-page';
import { BROWSERS, launchExtension, type BrowserSession, type TestPage } from './harness';
import { startStaticServer, type StaticServer } from './server';


describe.each(BROWSERS)('content script in %s', (browserName) => {
  let server: StaticServer;
  let session: BrowserSession;
  let demo: TestPage;

  beforeAll(async () => {
    server = await startStaticServer();
    session = await launchExtension(browserName);
    demo = await openMarkedPage('/demo/', 'coalition of the willing');
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** A new tab on `path`, once Factcards has marked `text` there (inside `containerId`, if given). */
  async function openMarkedPage(path: string, text: string, containerId?: string): Promise<TestPage> {
    const page = await session.newPage();
    await page.goto(`${server.origin}${path}`);
    await waitForHighlight(page, text, containerId);
    return page;
  }

  it.each([
    ['Mandon', 'Fabien Mandon'],
    ['Barrot', 'Barrot'],
    ['coalition of the willing', 'coalition of the willing'],
    // A weak alias that its paragraph qualifies: "French troops … the Communist Party".
    ['Communist Party', 'French Communist Party'],
  ])('hovering "%s" shows its card with dated, sourced contexts', async (text, expectedName) => {
    await hoverMention(demo, text);
    const card = await waitForCard(demo);
    expect(card.name.toLowerCase()).toContain(expectedName.toLowerCase());
    expect(card.contexts.length).toBeGreaterThan(0);
    for (const context of card.contexts) {
      expect(context.outlet).not.toBe('');
      expect(context.sentence).toContain(context.mark);
      expect(context.mark).not.toBe('');
    }
    // Dated: at least one context carries a real date with a machine-readable <time>.
    expect(card.contexts.some((context) => context.dateTime !== null && /\d{4}/.test(context.date))).toBe(true);
    await demo.press('Escape');
    await demo.waitFor(() => !document.querySelector('factcards-card'));
  });

  // Chromium only. Firefox's WebDriver BiDi driver cannot emulate print media, and Firefox (153 ESR)
  // prints no custom highlight at all: a page's PDF (`page.pdf()`) is byte for byte the same with a
  // highlight styled for every medium, so a Firefox print test could not fail.
  it.skipIf(browserName === 'firefox')('leaves its marks off the printed page', async () => {
    const markStyle = () =>
      demo.evaluate(() => {
        const range = [...(CSS.highlights.get('factcards-mention') ?? [])][0] as Range;
        return getComputedStyle(range.startContainer.parentElement as Element, '::highlight(factcards-mention)').textDecorationLine;
      });
    expect(await markStyle()).toBe('underline');
    await demo.emulateMedia('print');
    try {
      expect(await markStyle()).toBe('none');
    } finally {
      await demo.emulateMedia('screen');
    }
  });

  it('closes the card on Esc', async () => {
    await hoverMention(demo, 'Mandon');
    await waitForCard(demo);
    expect(await isCardOpen(demo)).toBe(true);
    await demo.press('Escape');
    expect(await demo.waitFor(() => !document.querySelector('factcards-card'))).toBe(true);
  });

  it('keeps the card open while the pointer moves into it, and closes it when the pointer leaves both', async () => {
    await hoverMention(demo, 'Barrot');
    await waitForCard(demo);
    const box = await demo.evaluate(() => {
      const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
      const rect = card?.getBoundingClientRect();
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + Math.min(rect.height / 2, 40) } : null;
    });
    expect(box).not.toBeNull();
    await demo.mouseMove(box?.x ?? 0, box?.y ?? 0);
    // Well past the grace period: still open, because the pointer is on the card.
    await demo.evaluate(() => new Promise((done) => setTimeout(done, 800)));
    expect(await isCardOpen(demo)).toBe(true);
    await demo.mouseMove(2, 2);
    expect(await demo.waitFor(() => !document.querySelector('factcards-card'))).toBe(true);
  });

  it('catches the misspelling "Zelenskiy" and leaves "Paris" inside "Parisien" alone', async () => {
    expect(await waitForHighlight(demo, 'Zelenskiy', 'letters')).toBe(true);
    // "Le Parisien" may be marked as the newspaper it is, but "Paris" is never marked inside "Parisien".
    const parisInsideWord = await demo.evaluate(() =>
      [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => {
        const r = range as Range;
        const after = r.endContainer.textContent?.slice(r.endOffset, r.endOffset + 1) ?? '';
        return /Paris$/.test(r.toString()) && /\p{L}/u.test(after);
      }),
    );
    expect(await highlightedTexts(demo)).toContain('Paris');
    const parisienMarked = parisInsideWord;
    expect(parisienMarked).toBe(false);
  });

  it('marks names only in readable text: not in fields, editable regions, SVG, hidden text or menu labels', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    await waitForHighlight(page, 'Barrot', 'in-shadow').catch(() => false);
    // Hidden text is dropped in an idle pass after the first marks: wait for the page to settle on its marks.
    const where = await page.waitFor(() => {
      const highlight = CSS.highlights.get('factcards-mention');
      const entries = [...(highlight ?? [])].map((range) => {
        const node = (range as Range).startContainer;
        const root = node.getRootNode();
        const element = node.parentElement;
        return { text: (range as Range).toString(), in: element?.closest('[id]')?.id ?? (root instanceof ShadowRoot ? 'shadow' : '?') };
      });
      return entries.some((entry) => entry.in === 'hidden') ? null : entries;
    }).then((entries) => entries ?? []);
    const places = where.map((entry) => entry.in);
    expect(places).toContain('inline');
    expect(places).toContain('in-shadow');
    // A menu's label is not marked; a headline the menu lists is.
    expect(places).toContain('menu-headline');
    for (const forbidden of ['textarea', 'editable', 'input', 'hidden', 'menu-item']) expect(places).not.toContain(forbidden);
    expect(where.some((entry) => entry.text.includes('SVG'))).toBe(false);
    expect(where.filter((entry) => entry.in === 'parisien').map((entry) => entry.text)).not.toContain('Paris');
    // The same-origin frame marks its own document.
    const framed = await page.waitFor(() => {
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      const highlight = (frame.contentWindow as Window & typeof globalThis).CSS.highlights.get('factcards-mention');
      return highlight ? [...highlight].map((range) => (range as Range).toString()) : null;
    });
    expect(framed).toContain('Mandon');
    // Typing a name into the editable region does not mark it either.
    await page.type('#editable', ' and Mandon');
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    const editableMarked = await page.evaluate(() =>
      [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => Boolean((range as Range).startContainer.parentElement?.closest('#editable'))),
    );
    expect(editableMarked).toBe(false);
    await page.close();
  });

  it('leaves the site’s own name unmarked on its own pages, and marks other outlets', async () => {
    const page = await openMarkedPage('/fixtures/content-own-site.html', 'Barrot');
    const marked = await highlightedTexts(page);
    expect(marked).toContain('Le Monde');
    expect(marked).not.toContain('BBC');
    await page.close();
  });

  it('marks an alias that names other things too only once the page names its entity plainly', async () => {
    const page = await openMarkedPage('/fixtures/content-ambiguous.html', 'Barrot');
    // The aliases are read in the same pass as "Barrot": had they been marked, they would be by now.
    const before = await highlightedTexts(page);
    expect(before).not.toContain('the Patriots');
    expect(before).not.toContain('Communist Party');
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'In France, the leader of Les Patriotes called for protests.';
      document.body.append(paragraph);
    });
    expect(await waitForHighlight(page, 'the Patriots', 'sports')).toBe(true);
    const after = await highlightedTexts(page);
    expect(after).toContain('Les Patriotes');
    expect(after).not.toContain('Communist Party');
    await page.close();
  });

  it('leaves a surname after another first name unmarked ("Brigitte Macron"), and marks the person alone', async () => {
    const page = await openMarkedPage('/fixtures/content-ambiguous.html', 'Macron', 'family');
    // Where each mark inside the paragraph starts: only the second "Macron", the President's.
    const starts = await page.evaluate(() => {
      const paragraph = document.getElementById('family');
      const highlight = CSS.highlights.get('factcards-mention');
      if (!paragraph || !highlight) return [];
      return ([...highlight] as Range[])
        .filter((range) => paragraph.contains(range.startContainer))
        .map((range) => ({ text: range.toString(), start: range.startOffset }));
    });
    const text = 'Brigitte Macron opened the exhibition that President Macron had announced.';
    expect(starts).toEqual([{ text: 'Macron', start: text.lastIndexOf('Macron') }]);
    await page.close();
  });

  it('marks a frame of the page\'s origin, and leaves a frame of another origin alone', async () => {
    const other = await startStaticServer();
    try {
      const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
      // The same document in two frames: one from the page's origin, one from another (another port).
      await page.evaluate((origins) => {
        const reports: Record<string, number[]> = {};
        (window as Window & { frameReports?: typeof reports }).frameReports = reports;
        window.addEventListener('message', (event: MessageEvent<{ factcardsFixtureMarks?: number }>) => {
          if (typeof event.data?.factcardsFixtureMarks === 'number') (reports[event.origin] ??= []).push(event.data.factcardsFixtureMarks);
        });
        for (const origin of origins) {
          const frame = document.createElement('iframe');
          frame.src = `${origin}/fixtures/content-framed.html`;
          document.body.append(frame);
        }
      }, [server.origin, other.origin]);
      const reports = () => page.evaluate(() => (window as Window & { frameReports?: Record<string, number[]> }).frameReports ?? {});
      await page.waitFor((origin) => {
        const reports = (window as Window & { frameReports?: Record<string, number[]> }).frameReports ?? {};
        return (reports[origin] ?? []).some((marks) => marks > 0);
      }, server.origin);
      // The frame of the page's origin is marked: the other has had as long, and gets a second more.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 1000)));
      const fromOther = (await reports())[other.origin] ?? [];
      expect(fromOther.length).toBeGreaterThan(0);
      expect(fromOther.every((marks) => marks === 0)).toBe(true);
      await page.close();
    } finally {
      await other.close();
    }
  });

  it('highlights a paragraph appended after load', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.id = 'appended';
      paragraph.textContent = 'Later, General Mandon answered questions.';
      document.body.append(paragraph);
    });
    expect(await waitForHighlight(page, 'Mandon', 'appended')).toBe(true);
    // Removing it drops its mark: no range is left pointing at text that is gone.
    await page.evaluate(() => document.getElementById('appended')?.remove());
    const stale = await page.waitFor(() => {
      const ranges = [...(CSS.highlights.get('factcards-mention') ?? [])] as Range[];
      return ranges.every((range) => range.startContainer.isConnected) ? 'clean' : null;
    });
    expect(stale).toBe('clean');
    await page.close();
  });

  it('marks names in text the reader reveals, and unmarks text the page hides again', async () => {
    const page = await openMarkedPage('/fixtures/content-reveal.html', 'Zelensky', 'panel-kyiv');
    const markedIn = (containers: string[]) =>
      page.evaluate((containers) => {
        const ranges = [...(CSS.highlights.get('factcards-mention') ?? [])] as Range[];
        return containers.filter((id) => ranges.some((range) => range.startContainer.parentElement?.closest(`#${id}`)));
      }, containers);
    const untilUnmarked = (containers: string[]) =>
      page.waitFor((containers) => {
        const ranges = [...(CSS.highlights.get('factcards-mention') ?? [])] as Range[];
        return containers.every((id) => !ranges.some((range) => range.startContainer.parentElement?.closest(`#${id}`)));
      }, containers);
    const revealed = ['more', 'details', 'panel-moscow', 'accordion'];
    // Collapsed text is read but, once the page has settled, not marked.
    await untilUnmarked(revealed);
    expect(await markedIn(['lead', 'panel-kyiv', ...revealed])).toEqual(['lead', 'panel-kyiv']);
    // First a CSS-only accordion, alone: ticking its box changes no node and no attribute.
    await page.click('#accordion-label');
    await waitForHighlight(page, 'Giorgia Meloni', 'accordion');
    // Then a class removed by the page's script, a <details> opened, and a tab's `hidden` flipped.
    for (const control of ['#read-more', '#details-summary', '#tab-moscow']) await page.click(control);
    await waitForHighlight(page, 'Mandon', 'more');
    await waitForHighlight(page, 'Keir Starmer', 'details');
    await waitForHighlight(page, 'Peskov', 'panel-moscow');
    // The tab switched away from is hidden now: its name is no longer marked.
    await untilUnmarked(['panel-kyiv']);
    expect(await markedIn(['lead', 'panel-kyiv', ...revealed])).toEqual(['lead', ...revealed]);
    // A `:hover` menu opens under the pointer and closes when it leaves.
    expect(await markedIn(['menu-panel'])).toEqual([]);
    const pointAt = async (id: string) => {
      const box = await page.evaluate((id) => {
        const rect = (document.getElementById(id) as HTMLElement).getBoundingClientRect();
        return { x: rect.x + 4, y: rect.y + rect.height / 2 };
      }, id);
      await page.mouseMove(box.x, box.y);
    };
    await pointAt('menu-label');
    await waitForHighlight(page, 'Sébastien Lecornu', 'menu-panel');
    await pointAt('lead');
    await untilUnmarked(['menu-panel']);
    await page.close();
  });

  it('follows an in-page navigation: the new view is marked and the old view leaves no mark behind', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    // What a single-page app does on a link: a new URL in history, and the view swapped in place.
    await page.evaluate(() => {
      history.pushState({}, '', '/fixtures/next-story');
      const article = document.createElement('article');
      article.id = 'next';
      const heading = document.createElement('h1');
      heading.textContent = 'Keir Starmer in Paris';
      const paragraph = document.createElement('p');
      paragraph.append('General ', Object.assign(document.createElement('em'), { textContent: 'Mandon' }), ' briefed the coalition of the willing.');
      article.append(heading, paragraph);
      document.body.replaceChildren(article);
    });
    const marks = await page.waitFor(() => {
      const ranges = [...(CSS.highlights.get('factcards-mention') ?? [])] as Range[];
      const settled = ranges.length === 4 && ranges.every((range) => range.startContainer.isConnected && range.startContainer.parentElement?.closest('#next'));
      return settled ? ranges.map((range) => range.toString()) : null;
    });
    expect(marks).toEqual(['Keir Starmer', 'Paris', 'Mandon', 'coalition of the willing']);
    await hoverMention(page, 'Mandon');
    expect((await waitForCard(page)).name).toContain('Mandon');
    await page.close();
  });

  it('marks and opens cards on a page that sabotages the DOM built-ins, and throws nothing into it', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/fixtures/content-hostile.html`);
    // The sabotage is real in the page's world…
    expect(await page.evaluate(() => {
      try {
        document.createRange();
        return 'intact';
      } catch {
        return 'sabotaged';
      }
    })).toBe('sabotaged');
    // …and Factcards, in its own, works as anywhere else.
    expect(await waitForHighlight(page, 'Jean-Noël Barrot', 'hostile')).toBe(true);
    expect(await waitForHighlight(page, 'Mandon', 'hostile')).toBe(true);
    await hoverMention(page, 'Mandon');
    expect((await waitForCard(page)).name).toContain('Mandon');
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('opens the entity in Factcards from the card', async () => {
    const page = await openMarkedPage('/demo/', 'Mandon');
    const extensionPage = await session.openExtensionPage('options.html');
    await page.bringToFront();
    try {
      await hoverMention(page, 'Mandon');
      const card = await waitForCard(page);
      await page.click('factcards-card >>> .fc-card__open');
      // The popup, or where the browser cannot open it, the popup page in a tab: either shows the entity.
      const shown = await extensionPage.waitFor((entityId) => {
        const api = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
        const view = api.extension.getViews().find((candidate) => candidate.location.pathname === '/popup.html');
        return view?.document.querySelector(`main [data-entity-id="${entityId}"] h2`)?.textContent ?? null;
      }, card.entityId);
      expect(shown).toBe(card.name);
    } finally {
      await extensionPage.evaluate(() => {
        const api = (globalThis as unknown as { chrome: { extension: { getViews(): Window[] } } }).chrome;
        for (const view of api.extension.getViews()) if (view.location.pathname === '/popup.html') view.close();
      });
      await extensionPage.close();
      await page.close();
    }
  });

  it("keeps the store out of the page's origin", async () => {
    const page = await openMarkedPage('/demo/', 'coalition of the willing');
    await hoverMention(page, 'Barrot');
    await waitForCard(page);
    const visible = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((database) => database.name),
      localStorageKeys: Object.keys(localStorage),
      sessionStorageKeys: Object.keys(sessionStorage),
      globals: Object.getOwnPropertySymbols(window).map(String).concat(Object.keys(window).filter((key) => /factcards/i.test(key))),
    }));
    expect(visible).toEqual({ databases: [], localStorageKeys: [], sessionStorageKeys: [], globals: [] });
    await page.close();
  });

  it('answers the popup with the site and whether Factcards runs there', async () => {
    const page = await openMarkedPage('/demo/', 'coalition of the willing');
    const extensionPage = await session.openExtensionPage('options.html');
    await page.bringToFront();
    // (What the page mentions comes from every frame over the popup's port: popup.e2e.ts.)
    expect(await sendTabMessage(extensionPage, 'getPageInfo')).toEqual({ site: '127.0.0.1', active: true });
    await extensionPage.close();
    await page.close();
  });

  it('tells the benchmark what it measured in each document it runs in, the frame with text included', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    // "Mandon" is readable only inside the page's same-origin frame, which marks its own document.
    await page.waitFor(() => {
      const frame = document.querySelector('iframe')?.contentWindow as (Window & typeof globalThis) | null | undefined;
      return [...((frame?.CSS.highlights.get('factcards-mention') as Set<Range> | undefined) ?? [])].some((range) => range.toString() === 'Mandon');
    });
    const extensionPage = await session.openExtensionPage('options.html');
    await page.bringToFront();
    const reports = await collectFrameTimings(extensionPage);
    const top = reports.filter((report) => report.top);
    const frames = reports.filter((report) => !report.top);
    expect(top).toHaveLength(1);
    expect(frames).toHaveLength(1);
    expect(new Set(reports.map((report) => report.frame)).size).toBe(2);
    for (const { timings } of reports) {
      expect(timings.textLength).toBeGreaterThan(0);
      expect(timings.mentionCount).toBeGreaterThan(0);
    }
    // The frame read its own text only: "General Mandon spoke in a same-origin frame."
    expect(frames[0]?.timings.textLength).toBe(44);
    await extensionPage.close();
    await page.close();
  });

  it('marks a same-origin frame that starts empty once text is written into it', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const frame = document.createElement('iframe');
          frame.id = 'late-frame';
          frame.addEventListener('load', () => done(), { once: true });
          document.body.append(frame);
        }),
    );
    // Let the frame's content script start on the empty document (it waits for text before loading the matcher).
    await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
    await page.evaluate(() => {
      const doc = (document.getElementById('late-frame') as HTMLIFrameElement).contentDocument as Document;
      const paragraph = doc.createElement('p');
      paragraph.textContent = 'General Mandon spoke in a frame filled later.';
      doc.body.append(paragraph);
    });
    const marked = await page.waitFor(() => {
      const frame = document.getElementById('late-frame') as HTMLIFrameElement;
      const highlight = (frame.contentWindow as Window & typeof globalThis).CSS.highlights.get('factcards-mention');
      return highlight ? [...highlight].map((range) => (range as Range).toString()) : null;
    });
    expect(marked).toContain('Mandon');
    await page.close();
  });

  it('opens cards from the keyboard commands, moves between mentions, and closes on Esc', async () => {
    const page = await openMarkedPage('/fixtures/content-scope.html', 'Jean-Noël Barrot', 'inline');
    // Put the caret inside "Barrot" in the first paragraph, as a keyboard user would.
    await page.evaluate(() => {
      const text = document.querySelector('#inline')?.lastChild as Text;
      const offset = text.data.indexOf('Barrot') + 2;
      document.getSelection()?.setPosition(text, offset);
    });
    const extensionPage = await session.openExtensionPage('options.html');
    await page.bringToFront();
    expect(await sendTabMessage<boolean>(extensionPage, 'openCardAtSelection')).toBe(true);
    const first = await page.waitFor(() => document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]')?.querySelector('h2')?.textContent ?? null);
    expect(first).toContain('Barrot');
    // The card is a labelled dialog and has keyboard focus.
    const focus = await page.evaluate(() => {
      const host = document.querySelector('factcards-card');
      const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
      return {
        hostFocused: document.activeElement === host,
        dialogFocused: host?.shadowRoot?.activeElement === dialog,
        labelled: Boolean(dialog?.getAttribute('aria-labelledby') && host?.shadowRoot?.getElementById(dialog.getAttribute('aria-labelledby') ?? '')),
      };
    });
    expect(focus).toEqual({ hostFocused: true, dialogFocused: true, labelled: true });
    expect(await sendTabMessage<boolean>(extensionPage, 'revealAdjacentMention', { direction: 'next' })).toBe(true);
    const next = await page.waitFor((previous) => {
      const name = document.querySelector('factcards-card')?.shadowRoot?.querySelector('h2')?.textContent ?? null;
      return name && name !== previous ? name : null;
    }, first);
    expect(next).not.toBe(first);
    await page.press('Escape');
    expect(await page.waitFor(() => !document.querySelector('factcards-card'))).toBe(true);
    await extensionPage.close();
    await page.close();
  });

  it('applies the on/off switch, the site list and the highlighted types at once', async () => {
    const page = await openMarkedPage('/demo/', 'coalition of the willing');
    const extensionPage = await session.openExtensionPage('options.html');
    try {
      await writeSettings(extensionPage, { ...DEFAULT_SETTINGS, enabled: false });
      expect(await page.waitFor(() => !CSS.highlights.has('factcards-mention'))).toBe(true);
      await writeSettings(extensionPage, { ...DEFAULT_SETTINGS });
      expect(await waitForHighlight(page, 'coalition of the willing')).toBe(true);
      await writeSettings(extensionPage, { ...DEFAULT_SETTINGS, sites: ['127.0.0.1'] });
      expect(await page.waitFor(() => !CSS.highlights.has('factcards-mention'))).toBe(true);
      await writeSettings(extensionPage, { ...DEFAULT_SETTINGS, highlightTypes: ['person'] });
      expect(await waitForHighlight(page, 'Mandon')).toBe(true);
      expect(await highlightedTexts(page)).not.toContain('coalition of the willing');
    } finally {
      await writeSettings(extensionPage, { ...DEFAULT_SETTINGS });
      await extensionPage.close();
      await page.close();
    }
  });
});
