/** The build's css`` minifier (scripts/css-templates.ts): less text, the same CSS. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyCssTemplates } from '../../scripts/css-templates.js';

describe('minifyCss', () => {
  it('drops comments and the whitespace CSS does not need', () => {
    const css = `
      /* A comment. */
      :host([theme='dark']) ,
      .a > .b {
        color: red ;
        gap: calc(var(--_space) * 1.5);
      }
    `;
    assert.equal(minifyCss(css), `:host([theme='dark']), .a>.b{color:red;gap:calc(var(--_space) * 1.5)}`);
  });

  it('keeps strings, the spaces that separate tokens, and the space after a comma', () => {
    assert.equal(minifyCss(`content: '  a  /* b */ ';`), `content:'  a  /* b */ ';`);
    assert.equal(
      minifyCss(`@media (prefers-color-scheme: dark) and (min-width: 1px) { a :is(b) { x: a - b } }`),
      `@media (prefers-color-scheme:dark) and (min-width:1px){a :is(b){x:a - b}}`,
    );
    assert.equal(minifyCss(`--_font: var(--f, system-ui, 'Segoe UI');`), `--_font:var(--f, system-ui, 'Segoe UI');`);
    assert.equal(minifyCss(`grid-column: 1 / -1; content: "\\2014";`), `grid-column:1 / -1;content:"\\2014";`);
  });

  it('keeps a separating space next to an interpolation', () => {
    assert.equal(minifyCss(`  a {  `, true, false), `a{`);
    assert.equal(minifyCss(`  }  `, false, false), `}`);
    assert.equal(minifyCss(`  .b  `, false, false), ` .b `);
    assert.equal(minifyCss(`   `, false, false), ` `);
  });
});

describe('minifyCssTemplates', () => {
  it('rewrites only the static parts of css`` templates', () => {
    const source = 'const a = `  x  `;\nconst b = css`\n  :host {\n    ${tokens}\n  }\n`;\n';
    let output = source;
    for (const { start, end, text } of minifyCssTemplates(source).reverse())
      output = output.slice(0, start) + text + output.slice(end);
    assert.equal(output, 'const a = `  x  `;\nconst b = css`:host{${tokens}}`;\n');
  });
});
