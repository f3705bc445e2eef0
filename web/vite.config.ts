import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The web portal. Built to web/dist, which the Tramite server serves at / (with its own CSP:
 * no inline scripts, no third-party origins). `npx vite --config web/vite.config.ts` serves it
 * with hot reload and forwards /api and /v1.0 (Graph) to a Tramite server (TRAMITE_DEV_API, default port 3000).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fluent UI alone is ~500 kB minified; one chunk is fine for an admin portal.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': process.env.TRAMITE_DEV_API ?? 'http://localhost:3000',
      '/v1.0': process.env.TRAMITE_DEV_API ?? 'http://localhost:3000',
      '/v1': process.env.TRAMITE_DEV_API ?? 'http://localhost:3000',
      '/subscriptions': process.env.TRAMITE_DEV_API ?? 'http://localhost:3000',
      '/providers': process.env.TRAMITE_DEV_API ?? 'http://localhost:3000',
    },
  },
})
