/** Merchant text inside our own sentences, isolated so its direction (or a stray override) stays its own. */

const ISOLATE_INITIATORS = new Set(['\u2066', '\u2067', '\u2068']);
const POP_ISOLATE = '\u2069';

/** The text without the POP DIRECTIONAL ISOLATEs that close nothing of its own (they would end our isolate early). */
export function withoutStrayPops(text: string): string {
  if (!text.includes(POP_ISOLATE)) return text;
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (ISOLATE_INITIATORS.has(char)) depth++;
    else if (char === POP_ISOLATE) {
      if (depth === 0) continue;
      depth--;
    }
    out += char;
  }
  return out;
}

/** Wraps the text in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: what `<bdi>` does, for plain strings. */
export function isolated(text: string): string {
  return `\u2068${withoutStrayPops(text)}${POP_ISOLATE}`;
}

export interface SentencePart {
  text: string;
  /** Marked by `isolated()`: the merchant's words (without the marks). */
  isolated: boolean;
}

/** Splits one of our sentences into our words and the `isolated()` parts, so a view can render those on their own. */
export function isolatedParts(sentence: string): SentencePart[] {
  const parts: SentencePart[] = [];
  let depth = 0;
  let current = '';
  const flush = (isolatedPart: boolean) => {
    if (current) parts.push({ text: current, isolated: isolatedPart });
    current = '';
  };
  for (const char of sentence) {
    if (depth === 0 && char === '\u2068') {
      flush(false);
      depth = 1;
    } else if (depth === 1 && char === POP_ISOLATE) {
      flush(true);
      depth = 0;
    } else {
      if (depth > 0 && ISOLATE_INITIATORS.has(char)) depth++;
      else if (depth > 1 && char === POP_ISOLATE) depth--;
      current += char;
    }
  }
  // An isolate left open runs to the end of the sentence.
  flush(depth > 0);
  return parts;
}
