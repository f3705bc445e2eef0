import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the
 * highest levels; the server sends the copy the browser accepts (@fastify/static preCompressed).
 */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'tramite-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name)
          return statSync(path).isDirectory() ? walk(path) : [path]
        })
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(file)) continue
        const bytes = readFileSync(file)
        if (bytes.length < 1024) continue
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}

/**
 * The web portal. Built to web/dist, which the Tramite server serves at / (with its own CSP:
 * no inline scripts, no third-party origins). `npx vite --config web/vite.config.ts` serves it
 * with hot reload and forwards /api and /v1.0 (Graph) to a Tramite server (TRAMITE_DEV_API, default port 3000).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // pages are chunks of their own (React.lazy per route); the shell keeps Fluent UI's core
    chunkSizeWarningLimit: 1000,
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
