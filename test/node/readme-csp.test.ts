/**
 * The README's Content-Security-Policy recipe is the policy the strict-page e2e tests buy under
 * (test/e2e/strict-pages.spec.ts), with Polar's API origins in place of the local sandbox.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { polarApiOrigins, strictPolicy } from '../../demo/storefront/strict-policy.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README: Content-Security-Policy for a strict page', () => {
  it('shows, as its own block, the policy the strict pages are served with', () => {
    const policy = strictPolicy({ apiOrigins: polarApiOrigins });
    assert.ok(readme.includes('```\n' + policy + '\n```\n'), `README lacks the block:\n${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  });

  it('names the Trusted Types directives the Trusted Types page adds', () => {
    const base = strictPolicy({ apiOrigins: polarApiOrigins });
    const added = strictPolicy({ apiOrigins: polarApiOrigins, trustedTypes: true }).slice(base.length + '; '.length);
    assert.equal(added, "require-trusted-types-for 'script'; trusted-types lit-html");
    assert.ok(readme.includes('`' + added + '`'), `README lacks \`${added}\``);
  });
});
