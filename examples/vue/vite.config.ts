import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // <polar-checkout> is a custom element, not a Vue component.
      template: { compilerOptions: { isCustomElement: (tag) => tag === 'polar-checkout' } },
    }),
  ],
  // The API routes live in server.ts: `vite` (dev) forwards them to it (PORT 3000).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
