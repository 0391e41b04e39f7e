// The React wrapper on a server (Next.js, Remix): importing and rendering it must not touch window or document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

test('the React wrapper imports and renders to a string in Node without a DOM', async () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const { PolarCheckout } = await import('../../src/react.js');
  const html = renderToString(
    createElement(PolarCheckout, { clientSecret: 'polar_c_ssr', server: 'sandbox', onSuccess: () => {} }, 'Loading…'),
  );
  assert.match(html, /^<polar-checkout[\s>]/);
  assert.match(html, /Loading…<\/polar-checkout>$/);
  assert.doesNotMatch(html, /onSuccess|function/, 'event handlers are listeners, never markup');
});
