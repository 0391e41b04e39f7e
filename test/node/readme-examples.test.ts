/**
 * The README's Frameworks section points at the example apps (bought through by test/e2e/examples.spec.ts); the code
 * it quotes must be the examples' code, verbatim, and every example must be listed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const start = readme.indexOf('### Frameworks\n');
const section = readme.slice(start, readme.indexOf('\n#', start + 1));
const bullets = section
  .split('\n- ')
  .slice(1)
  .map((bullet) => bullet.split('\n\n')[0]!);

describe('the README’s Frameworks section', () => {
  it('lists every example', () => {
    assert.ok(start !== -1, 'the ### Frameworks heading is gone');
    for (const example of readdirSync(new URL('examples/', root))) {
      assert.ok(
        section.includes(`](examples/${example}/`),
        `examples/${example} is not linked from the Frameworks section`,
      );
    }
  });

  for (const bullet of bullets) {
    const name = /^\*\*(.+?)\*\*/.exec(bullet)?.[1] ?? bullet.slice(0, 20);
    it(`${name}: links files that exist and quotes them verbatim`, () => {
      const files = [...bullet.matchAll(/\]\((examples\/[^)]+)\)/g)].map((match) => match[1]!);
      assert.ok(files.length > 0, 'no link to an example');
      for (const file of files) assert.ok(existsSync(new URL(file, root)), `${file} does not exist`);
      const sources = files.map((file) => readFileSync(new URL(file, root), 'utf8')).join('\n');
      const code = [...bullet.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.replace(/\n\s*/g, ' '));
      const quoted = code.filter((span) => /[=(<']/.test(span));
      assert.ok(quoted.length > 0, 'quotes no code');
      for (const span of quoted) assert.ok(sources.includes(span), `${span} is not in ${files.join(', ')}`);
    });
  }
});
