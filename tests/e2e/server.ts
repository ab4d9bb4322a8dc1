/**
 * A static server on 127.0.0.1 for E2E tests, the benchmark and the demo. Content scripts run on
 * http(s) pages only, so test pages must come from a real origin rather than file:// URLs.
 *
 * Routes:
 * - `/pages/NAME.html`: saved real news pages from ../shared/pages (Readability's test corpus);
 * - `/fixtures/...`: pages beside the tests, in tests/e2e/fixtures;
 * - `/demo/`: the demo news page built from the seed articles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { renderDemoPage } from '../demo/demo-page';
import { REPO_ROOT } from './harness';

/** Where shared/ sits: beside the repository, on developers' machines and in CI alike. */
export const SHARED_DIR = resolve(process.env.FACTCARDS_SHARED ?? resolve(REPO_ROOT, '../shared'));
export const PAGES_DIR = join(SHARED_DIR, 'pages');
const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

/** The saved real pages, by file name (`bbc-1.html` …), sorted. */
export function listSharedPages(): string[] {
  if (!existsSync(PAGES_DIR)) throw new Error(`${PAGES_DIR} is missing: shared/ must sit beside the repository.`);
  return readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html')).sort();
}

/**
 * The saved pages reference hundreds of external scripts, images and frames. The machine has no network,
 * and waiting on each lookup makes loads slow and uneven, so the browser is told to load nothing from
 * anywhere but this machine (a second server on another port is another origin, for frame tests). Inline
 * scripts still run, as they would on the real site.
 */
const OFFLINE_CSP = "default-src 'self' http://127.0.0.1:* 'unsafe-inline' 'unsafe-eval' data: blob:";

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves a file from `root` only if the path stays inside it. */
function fileUnder(root: string, relative: string): string | null {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

export async function startStaticServer(port = 0): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': OFFLINE_CSP });
      response.end(body);
    };
    try {
      if (pathname === '/' || pathname === '/demo' || pathname === '/demo/') {
        send(200, renderDemoPage(), CONTENT_TYPES['.html']);
        return;
      }
      const [, area, ...rest] = pathname.split('/');
      const root = area === 'pages' ? PAGES_DIR : area === 'fixtures' ? FIXTURES_DIR : null;
      const file = root ? fileUnder(root, decodeURIComponent(rest.join('/'))) : null;
      if (!file) {
        send(404, `not found: ${pathname}`);
        return;
      }
      send(200, readFileSync(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (error) {
      send(500, String(error));
    }
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${boundPort}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
