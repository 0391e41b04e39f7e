// Importing the element on a server (SSR, Next.js route modules) must not touch window or document.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the package entry imports in Node without a DOM and registers nothing', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const entry = await import('../../src/index.js');
  assert.equal(typeof entry.PolarCheckout, 'function');
  assert.equal(entry.tagName, 'polar-checkout');
  assert.doesNotThrow(() => entry.definePolarCheckout());
});

test('the class-only entry imports without side effects', async () => {
  const element = await import('../../src/element.js');
  assert.equal(typeof element.PolarCheckout, 'function');
});
