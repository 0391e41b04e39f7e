/** The deepest nesting a JSON body may have. Polar's bodies need a handful of levels; the rest is abuse. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * The offset of the first `[` or `{` that nests deeper than `limit` in this JSON text, or null.
 * A loop, not a parser: recursing over hostile input is what it guards against.
 */
export function excessiveNestingAt(text: string, limit = MAX_JSON_DEPTH): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (OPENERS.has(code)) {
      depth += 1;
      if (depth > limit) return i;
    } else if (CLOSERS.has(code)) {
      depth -= 1;
    }
  }
  return null;
}
