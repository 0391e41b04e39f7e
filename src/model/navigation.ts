/** Where the element may send the browser (e.g. the session's `success_url`): absolute http(s) URLs only. */

/**
 * The URL to navigate to, or null for anything that is not http(s): `javascript:`, `data:`, `vbscript:`, and
 * relative URLs unless a `base` (an http(s) URL) to resolve them against is given.
 */
export function safeNavigationUrl(url: string | null | undefined, base?: string): string | null {
  // The URL parser drops control characters and tabs (`\u0000javascript:`, `java\tscript:`); refuse them instead.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern rejects
  if (!url || /[\u0000-\u001f\u007f]/.test(url)) return null;
  const baseUrl = base === undefined ? undefined : safeNavigationUrl(base);
  if (baseUrl === null) return null;
  try {
    const parsed = new URL(url.trim(), baseUrl);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
