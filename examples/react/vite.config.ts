import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The API routes live in server.ts: `npm run dev` forwards them to it (PORT 3000).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
