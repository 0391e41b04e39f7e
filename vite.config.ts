import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import { minifyCssTemplates } from './scripts/css-templates.js';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const translationTables = readdirSync(source('./src/i18n/locales'))
  .filter((file) => file.endsWith('.ts') && file !== 'en.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/** Minifies the css`` templates of the component's modules in every build (scripts/css-templates.ts). */
function cssTemplates(): Plugin {
  return {
    name: 'polar-checkout:css-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !/\.ts$/.test(id) || !code.includes('css`')) return null;
      const replacements = minifyCssTemplates(code);
      if (replacements.length === 0) return null;
      const output = new MagicString(code);
      for (const { start, end, text } of replacements) output.overwrite(start, end, text);
      return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
    },
  };
}

// Vite leaves an ES library's whitespace for the bundler that takes it in; these modules are fetched by browsers as
// they are, so they are minified fully.
const fetchedAsIs = true;

/** Vite's browser conditions with `development|production` fixed to `production`. */
const productionConditions = defaultClientConditions.map((condition) =>
  condition === 'development|production' ? 'production' : condition,
);

/**
 * `vite` serves the demo storefront (index.html + demo/). `vite build` writes the one-file script-tag bundle, and
 * `vite build --mode locales` the translation tables it fetches from beside itself (dist/locales/*.js), and
 * `--mode payment-chunk` / `--mode form-chunk` the modules it fetches likewise (dist/chunks/*.js).
 */
export default defineConfig(({ command, mode }) => {
  if (mode === 'payment-chunk' || mode === 'form-chunk') {
    // The script-tag bundle fetches these modules from beside itself (dist/chunks/): the card form's code and the wait
    // for the order (src/payment/payment-module.script.ts), and the form's rules and views
    // (src/views/form-module.script.ts), which render with the bundle's Lit (src/views/lit-handoff.ts). Each is built
    // alone, so neither imports a third file (another round trip) for what they share.
    const entry: Record<string, string> =
      mode === 'payment-chunk'
        ? { payment: source('./src/payment/payment-chunk.ts') }
        : { form: source('./src/views/form-chunk.ts') };
    const litFromBundle = source('./src/views/lit-from-bundle.ts');
    return {
      plugins: [cssTemplates()],
      resolve: {
        conditions: productionConditions,
        alias:
          mode === 'form-chunk'
            ? [
                { find: /^lit$/, replacement: litFromBundle },
                { find: /^lit\/directives\/(live|if-defined)\.js$/, replacement: litFromBundle },
              ]
            : [],
      },
      build: {
        target: 'es2021',
        outDir: 'dist/chunks',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: { output: { minify: fetchedAsIs } },
      },
    };
  }
  if (mode === 'locales') {
    return {
      build: {
        target: 'es2021',
        outDir: 'dist/locales',
        emptyOutDir: true,
        lib: {
          entry: Object.fromEntries(translationTables.map((name) => [name, source(`./src/i18n/locales/${name}.ts`)])),
          formats: ['es'],
          fileName: (_format, name) => `${name}.js`,
        },
        rolldownOptions: { output: { minify: fetchedAsIs } },
      },
    };
  }
  return {
    plugins: [cssTemplates()],
    server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), strictPort: true },
    resolve: {
      // Lit's `production` export, also in the dev server (which would pick `development`: dev-mode warnings and
      // checks) and in a build run inside it (demo/storefront/script-bundle.ts): the demo shows what storefronts ship.
      // The component tests run in both modes (web-test-runner.config.mjs).
      conditions: productionConditions,
      alias:
        command === 'build'
          ? [
              { find: /^\.\/locale-loaders\.js$/, replacement: source('./src/i18n/locale-loaders.script.ts') },
              { find: /^\.\/payment-module\.js$/, replacement: source('./src/payment/payment-module.script.ts') },
              { find: /^\.\/(views\/)?form-module\.js$/, replacement: source('./src/views/form-module.script.ts') },
            ]
          : [],
    },
    build: {
      target: 'es2021',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      lib: {
        entry: 'src/index.ts',
        name: 'PolarCheckoutElement',
        formats: ['iife'],
        fileName: () => 'polar-checkout.iife.js',
      },
    },
  };
});
