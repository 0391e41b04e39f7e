/**
 * Build-time minification of Lit's css`` templates (used by the Vite plugin in vite.config.ts): comments go, runs of
 * whitespace become one space, and that space goes where CSS does not need it (around `{ } ; >`, before `,`, after
 * `:`, and the `;` before a `}`). Quoted strings, `${}` interpolations and the spaces CSS needs (`calc(a + b)`,
 * `and (min-width…)`, descendant selectors `a :is(…)`) are kept. The browser's CSSOM of the result is the same.
 * Pure: text in, replacements out.
 */

/** One static part of a css`` template: the source range it spans and what it becomes. */
export interface CssReplacement {
  start: number;
  end: number;
  text: string;
}

/** The replacements that minify every css`` template in a module's source. */
export function minifyCssTemplates(source: string): CssReplacement[] {
  const replacements: CssReplacement[] = [];
  for (const match of source.matchAll(/\bcss`/g)) {
    const parts = templateParts(source, match.index + match[0].length);
    parts.forEach((part, index) => {
      const text = minifyCss(source.slice(part.start, part.end), index === 0, index === parts.length - 1);
      if (text !== source.slice(part.start, part.end)) replacements.push({ ...part, text });
    });
  }
  return replacements;
}

/** The static parts of the template literal whose text starts at `start`: between the backticks and the `${…}`s. */
function templateParts(source: string, start: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let partStart = start;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++;
    } else if (char === '`') {
      parts.push({ start: partStart, end: i });
      return parts;
    } else if (char === '$' && source[i + 1] === '{') {
      parts.push({ start: partStart, end: i });
      i = interpolationEnd(source, i + 2);
      partStart = i + 1;
    }
  }
  throw new Error(`Unterminated css\`\` template at ${start}`);
}

/** The index of the `}` closing the `${` whose body starts at `start` (bodies here are names; braces are counted). */
function interpolationEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const char = source[i];
    if (char === '{') depth++;
    else if (char === '}' && depth-- === 0) return i;
    else if (char === '`' || char === "'" || char === '"') throw new Error(`Unsupported interpolation at ${start}`);
  }
  throw new Error(`Unterminated interpolation at ${start}`);
}

// The space after a comma stays: a custom property keeps its value's text as written, and `--_font` reaches Stripe.
const NO_SPACE_BEFORE = new Set(['{', '}', ';', ',', '>']);
const NO_SPACE_AFTER = new Set(['{', '}', ';', '>', ':']);

/** Minifies one static part; `first`/`last` say whether it touches the template's backticks (else an interpolation). */
export function minifyCss(css: string, first = true, last = true): string {
  let out = '';
  let space = false;
  const emit = (text: string) => {
    if (space && out !== '' && !NO_SPACE_AFTER.has(out.at(-1)!) && !NO_SPACE_BEFORE.has(text[0]!)) out += ' ';
    else if (space && out === '' && !first && !NO_SPACE_BEFORE.has(text[0]!)) out += ' ';
    space = false;
    if (text === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += text;
  };
  for (let i = 0; i < css.length; i++) {
    const char = css[i]!;
    if (/\s/.test(char)) {
      space = true;
    } else if (char === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end === -1) throw new Error('Unterminated comment in css``');
      i = end + 1;
      space = true;
    } else if (char === "'" || char === '"') {
      let end = i + 1;
      while (end < css.length && css[end] !== char) end += css[end] === '\\' ? 2 : 1;
      emit(css.slice(i, end + 1));
      i = end;
    } else if (char === '\\') {
      emit(css.slice(i, i + 2));
      i++;
    } else {
      emit(char);
    }
  }
  // Between an interpolation and the template's end, or two interpolations, a space may separate two names.
  if (space && !last && (out === '' ? !first : !NO_SPACE_AFTER.has(out.at(-1)!))) out += ' ';
  return out;
}
