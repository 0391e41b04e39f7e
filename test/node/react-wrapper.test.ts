/**
 * The React wrapper (src/react.ts) in Chromium with React 19: each on… prop receives exactly its element event,
 * handlers follow re-renders, and props land on the element as properties. Bundled from source with Vite, so this
 * runs before `npm run build`; test/package/pack.test.ts does the same through the published package.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../browser.js';
import type { HandlerCall } from './react-wrapper-page.js';

const root = new URL('../../', import.meta.url);
let browser: Browser;
let page: Page;
const problems: string[] = [];

before(async () => {
  const output = await build({
    root: new URL('.', root).pathname,
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: {
        entry: new URL('test/node/react-wrapper-page.ts', root).pathname,
        name: 'WrapperPage',
        formats: ['iife'],
        fileName: () => 'page.js',
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as { output: { type: string; code?: string }[] }).output.find((item) => item.type === 'chunk');
  const script = chunk?.code ?? assert.fail('the page did not build');
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  // Nothing here may reach the network: the element is given a malformed secret and never loads a session.
  await page.route('**/*', (route) => {
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: script });
});

after(async () => {
  await browser?.close();
});

const calls = () => page.evaluate(() => window.wrapper.calls.splice(0));
const dispatch = (type: string, detail: unknown) =>
  page.evaluate(([type, detail]) => window.wrapper.dispatch(type as string, detail), [type, detail] as const);

test('props are set on the element as properties; a malformed client secret reaches onError as the element reports it', async () => {
  await page.evaluate(() => {
    window.wrapper.render(
      { clientSecret: 'not a secret', server: 'sandbox', theme: 'dark', locale: 'de', stripe: Promise.resolve(null) },
      'first',
    );
  });
  const element = await page.evaluate(() => {
    const node = window.wrapper.element()!;
    return {
      tag: node.localName,
      upgraded: node instanceof customElements.get('polar-checkout')!,
      clientSecret: node.clientSecret,
      server: node.server,
      theme: node.theme,
      locale: node.locale,
      stripeIsPromise: node.stripe instanceof Promise,
      attributes: node.getAttributeNames().sort(),
    };
  });
  assert.deepEqual(element, {
    tag: 'polar-checkout',
    upgraded: true,
    clientSecret: 'not a secret',
    server: 'sandbox',
    theme: 'dark',
    locale: 'de',
    stripeIsPromise: true,
    attributes: ['theme'], // reflected by the element itself; nothing else became an attribute
  });
  await page.waitForFunction(() => window.wrapper.calls.length > 0);
  const [error, ...rest] = await calls();
  assert.deepEqual(rest, []);
  assert.equal(error!.handler, 'onError');
  assert.equal(error!.type, 'polar-error');
  assert.equal((error!.detail as { code: string }).code, 'configuration');
});

test('each on… prop gets exactly its own event, the very event dispatched, detail included', async () => {
  const mapping = {
    'polar-ready': 'onReady',
    'polar-change': 'onChange',
    'polar-confirmed': 'onConfirmed',
    'polar-success': 'onSuccess',
    'polar-error': 'onError',
  };
  for (const [type, handler] of Object.entries(mapping)) {
    const notCanceled = await dispatch(type, { marker: type });
    const expected: HandlerCall = { handler, round: 'first', type, detail: { marker: type }, same: true };
    assert.deepEqual(await calls(), [expected], `${type} → ${handler}`);
    assert.equal(notCanceled, type !== 'polar-success', `preventDefault() in ${handler} cancels ${type}`);
  }
  await dispatch('polar-unknown', {});
  assert.deepEqual(await calls(), []);
});

test('a re-render swaps handlers (the old one is not called) and a removed handler stops listening', async () => {
  // The same props, so the element has no reason to load again (and report the malformed secret again).
  const props = { clientSecret: 'not a secret', server: 'sandbox', theme: 'dark', locale: 'de' } as const;
  await page.evaluate((props) => window.wrapper.render(props, 'second'), props);
  await dispatch('polar-ready', { n: 1 });
  assert.deepEqual(
    (await calls()).map(({ handler, round }) => `${round} ${handler}`),
    ['second onReady'],
  );

  await page.evaluate((props) => window.wrapper.render(props, 'third', ['onChange']), props);
  await dispatch('polar-ready', { n: 2 });
  await dispatch('polar-change', { n: 3 });
  assert.deepEqual(
    (await calls()).map(({ handler, round }) => `${round} ${handler}`),
    ['third onChange'],
  );
  assert.deepEqual(problems, []);
});
