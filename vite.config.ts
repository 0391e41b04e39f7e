import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const translationTables = readdirSync(source('./src/i18n/locales'))
  .filter((file) => file.endsWith('.ts') && file !== 'en.ts')
  .map((file) => file.replace(/\.ts$/, ''));

/**
 * `vite` serves the demo storefront (index.html + demo/). `vite build` writes the one-file script-tag bundle, and
 * `vite build --mode locales` the translation tables it fetches from beside itself (dist/locales/*.js).
 */
export default defineConfig(({ command, mode }) => {
  if (mode === 'chunks') {
    // The card form's code, fetched by the script-tag bundle from beside itself (src/payment/payment-module.script.ts).
    return {
      build: {
        target: 'es2021',
        outDir: 'dist/chunks',
        emptyOutDir: true,
        // An app build, not a library build: Vite leaves a library's whitespace for the next bundler, and this file is
        // shipped as it is.
        sourcemap: true,
        rollupOptions: {
          input: { payment: source('./src/payment/stripe-payment.ts') },
          preserveEntrySignatures: 'strict',
          output: { format: 'es', entryFileNames: '[name].js' },
        },
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
      },
    };
  }
  return {
    server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), strictPort: true },
    resolve:
      command === 'build'
        ? {
            alias: [
              { find: /^\.\/locale-loaders\.js$/, replacement: source('./src/i18n/locale-loaders.script.ts') },
              { find: /^\.\/payment-module\.js$/, replacement: source('./src/payment/payment-module.script.ts') },
            ],
          }
        : {},
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
