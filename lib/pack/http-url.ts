/**
 * The one test for links: a URL is kept, and may become a link, only when it is absolute http(s).
 * `javascript:`, `data:` and relative URLs from packs or pages are never rendered as links.
 * (A module of its own so the lazily loaded card UI can use it without pulling in zod.)
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
