/**
 * An automated accessibility audit, with axe-core (a devDependency used only here), of what a reader
 * meets: the hover card on a page (audited alone: the page's own markup is not ours to judge), the popup
 * (what the page mentions, search results, an entity) and the options page, in light and dark, in both
 * browsers. Every rule axe runs must pass: roles and names, landmarks, colour contrast.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverMention, waitForCard, waitForHighlight } from './content-page';
import { BROWSERS, launchExtension, type BrowserSession, type TestPage } from './harness';
import { startStaticServer, type StaticServer } from './server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  rule: string;
  impact: string | null;
  targets: string[];
}

/** axe's violations on the page, or inside `include` (a selector; axe follows open shadow roots). */
function violations(page: TestPage, include?: string): Promise<Violation[]> {
  return page.evaluate(
    async ({ source, include }) => {
      interface AxeResult {
        violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }>;
      }
      const scope = window as unknown as { axe?: { run(context: unknown, options: unknown): Promise<AxeResult> } };
      if (!scope.axe) (0, eval)(source);
      const result = await (scope.axe as NonNullable<typeof scope.axe>).run(include ? { include: [[include]] } : document, { resultTypes: ['violations'] });
      return result.violations.map((violation) => ({ rule: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
    },
    { source: AXE_SOURCE, include },
  );
}

describe.each(BROWSERS.flatMap((browserName) => (['light', 'dark'] as const).map((scheme) => [browserName, scheme] as const)))(
  'accessibility in %s, %s scheme',
  (browserName, colorScheme) => {
    let server: StaticServer;
    let session: BrowserSession;
    let news: TestPage;

    beforeAll(async () => {
      server = await startStaticServer();
      session = await launchExtension(browserName, { media: { colorScheme } });
      news = await session.newPage();
      await news.goto(`${server.origin}/demo/`);
      await waitForHighlight(news, 'Mandon');
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('the hover card passes', async () => {
      await news.bringToFront();
      await hoverMention(news, 'Mandon');
      await waitForCard(news);
      expect(await violations(news, 'factcards-card')).toEqual([]);
      await news.press('Escape');
    });

    it('the popup passes: what the page mentions, search results and an entity', async () => {
      await news.bringToFront();
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitFor(() => document.querySelectorAll('.fc-page-mentions li').length > 0);
      expect(await violations(popup)).toEqual([]);
      await popup.type('input[type=search]', 'macron');
      await popup.waitFor(() => document.querySelectorAll('[role=option][data-entity-id]').length > 0);
      expect(await violations(popup)).toEqual([]);
      await popup.press('Enter');
      await popup.waitFor(() => document.querySelector('.fc-card--full h2'));
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });

    it('the options page passes', async () => {
      const options = await session.openExtensionPage('options.html');
      await options.waitFor(() => document.querySelectorAll('.panel').length >= 3);
      expect(await violations(options)).toEqual([]);
      await options.close();
    });
  },
);
