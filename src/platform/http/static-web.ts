import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { AppContext } from '../context.ts'
import { t } from '../i18n/i18n.ts'
import { isApiPath } from './authentication.ts'
import { sendPortalError, type App } from './server.ts'

const NOT_THE_PORTAL = ['/docs', '/.well-known/', '/openapi.json', '/metrics']

/**
 * Serves the built web portal at / and answers any other browser navigation with its
 * index.html (client-side routes). API paths that match no route get the structured 404.
 */
export async function registerWebPortal(app: App, ctx: AppContext): Promise<void> {
  const root = ctx.config.WEB_DIST_DIR
  const built = existsSync(join(root, 'index.html'))
  if (built) {
    // Files are those present at start (npm start builds first). index.html must never be cached,
    // or a browser keeps pointing at assets a rebuild replaced; hashed assets never change.
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // the build wrote .br and .gz copies of each text file (web/vite.config.ts), sent in place of
      // the file they compress: they need no routes of their own (two thirds of the files, and of
      // the routes a start would build)
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = isApiPath(request.url) || NOT_THE_PORTAL.some((p) => request.url.startsWith(p))
    const wantsHtml =
      (request.method === 'GET' || request.method === 'HEAD') && request.headers.accept?.includes('text/html')
    if (!isApi && wantsHtml && built) {
      return reply.sendFile('index.html')
    }
    return sendPortalError(reply, request, {
      status: 404,
      code: 'route_not_found',
      message: t(request.locale, 'error.route_not_found', {
        method: request.method,
        url: request.url.split('?')[0] ?? '',
      }),
    })
  })
}
