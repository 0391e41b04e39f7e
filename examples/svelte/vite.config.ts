import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  // The API routes live in server.ts: `vite` (dev) forwards them to it (PORT 3000).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
