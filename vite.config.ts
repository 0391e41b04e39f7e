import { defineConfig } from 'vite';

// `vite` serves the demo storefront (index.html + demo/); `vite build` writes the one-file script-tag bundle.
export default defineConfig({
  server: { host: '127.0.0.1', port: Number(process.env.DEMO_PORT ?? 5173), strictPort: true },
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
});
