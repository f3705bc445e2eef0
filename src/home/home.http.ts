import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { presentRequest } from '../service-requests/service-requests.http.ts'
import { HomeSchema } from './home.schema.ts'
import { homeFor, type GdapItem, type RequestSection } from './home.service.ts'

/** The signed-in person's home: what needs them now (GET /api/home). */
export function registerHomeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['home'],
        summary: 'What needs you now: the lists your landing page shows, each with its count',
        description:
          'Partner staff: `waitingOnYou` (the vendor asked you for information), `sentToYou` (requests your customers sent you), `atRisk` (first-response target at risk or missed), `incidents` (unresolved, affecting your customers), `gdap` (relationships ending within 30 days or lost). Customer administrators: `waitingOnYou`, `open`, `incidents`. The vendor’s engineers: `queue` and `atRisk`.',
        response: { 200: HomeSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const now = ctx.now()
      const home = await homeFor(ctx, actor)
      const requests = (s: RequestSection) => ({
        total: s.total,
        totalCapped: s.totalCapped,
        items: s.items.map((r) => presentRequest(r, request.locale, now, actor)),
      })
      const gdap = (g: GdapItem) => ({ ...g, endAt: g.endAt?.toISOString() ?? null })
      switch (home.persona) {
        case 'vendor':
          return { persona: home.persona, queue: requests(home.queue), atRisk: requests(home.atRisk) }
        case 'customer':
          return {
            persona: home.persona,
            waitingOnYou: requests(home.waitingOnYou),
            open: requests(home.open),
            incidents: home.incidents,
          }
        default:
          return {
            persona: home.persona,
            waitingOnYou: requests(home.waitingOnYou),
            sentToYou: requests(home.sentToYou),
            atRisk: requests(home.atRisk),
            incidents: home.incidents,
            gdap: home.gdap.map(gdap),
          }
      }
    },
  )
}
