import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { gaitModels } from './gait-models-plugin.js';

// The web app lives in web/; the build goes to web/dist/, which the Fastify server serves (src/server/app.ts).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react(), gaitModels()],
  // 1100 kB: the app chunk carries the message catalogues of both languages, bundled so the app opens offline.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1100 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
