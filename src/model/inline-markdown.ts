/**
 * Custom field labels and help texts are written in Markdown by the merchant (usually a terms checkbox with a
 * link). This reads the inline subset that matters there into tokens a template renders as text nodes, so
 * nothing the merchant writes is ever parsed as HTML.
 */
export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'strong'; text: string }
  | { type: 'em'; text: string }
  | { type: 'link'; text: string; href: string };

const INLINE =
  /\[([^\]\n]+)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?\s*\)|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\n]+)\*|(?<![\w])_([^_\n]+)_(?![\w])/g;

export function parseInlineMarkdown(source: string | null | undefined): InlineToken[] {
  if (!source) return [];
  const tokens: InlineToken[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    const start = match.index ?? 0;
    if (start > last) pushText(tokens, source.slice(last, start));
    const [whole, linkText, href, strong, strongAlt, em, emAlt] = match;
    if (linkText !== undefined && href !== undefined) {
      const safe = safeHref(href);
      if (safe) tokens.push({ type: 'link', text: linkText, href: safe });
      else pushText(tokens, linkText);
    } else if (strong !== undefined || strongAlt !== undefined) {
      tokens.push({ type: 'strong', text: (strong ?? strongAlt) as string });
    } else if (em !== undefined || emAlt !== undefined) {
      tokens.push({ type: 'em', text: (em ?? emAlt) as string });
    } else {
      pushText(tokens, whole);
    }
    last = start + whole.length;
  }
  if (last < source.length) pushText(tokens, source.slice(last));
  return tokens;
}

/** The same text with the Markdown markers removed, e.g. for `aria-label` or a `<option>`. */
export function markdownToPlainText(source: string | null | undefined): string {
  return parseInlineMarkdown(source)
    .map((token) => token.text)
    .join('');
}

function pushText(tokens: InlineToken[], text: string): void {
  const previous = tokens[tokens.length - 1];
  if (previous?.type === 'text') previous.text += text;
  else tokens.push({ type: 'text', text });
}

/** Only web and mail links; `javascript:`, `data:` and relative URLs are dropped. */
function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
