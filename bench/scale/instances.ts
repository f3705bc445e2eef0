/**
 * Several instances on one PostgreSQL: a mixed read load (the desk's queue and a search as the
 * vendor's engineer, a partner's list and get-one as Anna, a customer's list as Rossi) sent to one
 * instance, then the same number of connections split over two instances of the same database.
 * The sessions are opened on the first instance only: the second accepts them because sessions
 * live in the database. One and two are measured in turns, round after round; the figure is the
 * median round's throughput of two ÷ one.
 */
import { fmt, load, median, signIn, startServer, type BenchServer } from '../support.ts'
import { dbPrefix, label, postgresVolume } from './databases.ts'
import { COMMON_EN, RARE_IT, ROSSI } from './volumes.ts'

const PEOPLE = {
  engineer: 'engineer@contoso.example',
  partner: 'anna@fabrikam.example',
  customer: 'admin@rossi.example',
} as const

type Mix = { method: 'GET'; path: string; headers: Record<string, string> }[]

async function mixFor(server: BenchServer): Promise<Mix> {
  const headers: Record<string, Record<string, string>> = {}
  for (const [who, email] of Object.entries(PEOPLE)) headers[who] = (await signIn(server.url, email)).headers
  const newest = await fetch(`${server.url}/api/service-requests?limit=1&customer=${ROSSI}`, {
    headers: headers.partner,
  })
  const rossiRequest = ((await newest.json()) as { items: { id: string }[] }).items[0]!.id
  const get = (who: keyof typeof PEOPLE, path: string) => ({
    method: 'GET' as const,
    path,
    headers: headers[who]!,
  })
  return [
    get('engineer', '/api/service-requests?limit=50&sort=due'),
    get('partner', `/api/service-requests/${rossiRequest}`),
    get('partner', '/api/service-requests?limit=50'),
    get('engineer', `/api/service-requests?limit=50&q=${RARE_IT}`),
    get('customer', '/api/service-requests?limit=50'),
    get('partner', `/api/service-requests/${rossiRequest}`),
    get('engineer', `/api/service-requests?limit=50&q=${COMMON_EN}`),
    get('engineer', '/api/service-requests?limit=50'),
  ]
}

export async function instancesBench(
  log: (line: string) => void,
  options: { serverUrl: string; requests: number; seconds: number; rounds: number; connections: number },
): Promise<{ one: number; two: number }> {
  const url = await postgresVolume(options.serverUrl, options.requests, [options.requests], log)
  const servers: BenchServer[] = []
  try {
    for (const n of [1, 2])
      servers.push(
        await startServer({
          DATABASE_URL: url,
          TRAMITE_DATA_DIR: `/tmp/${dbPrefix}-instance-${n}`,
          SCHEDULER_INTERVAL_SECONDS: '3600',
        }),
      )
    const mix = await mixFor(servers[0]!)
    const run = async (server: BenchServer, connections: number) => {
      const result = await load('mix', {
        url: server.url,
        requests: mix,
        connections,
        duration: options.seconds,
      })
      if (result.non2xx || result.errors) throw new Error(`mixed load: ${JSON.stringify(result.statusCodes)}`)
      return result.rps
    }
    const ones: number[] = []
    const twos: number[] = []
    const half = Math.max(1, Math.floor(options.connections / 2))
    for (let round = 0; round < options.rounds; round++) {
      ones.push(await run(servers[0]!, options.connections))
      const both = await Promise.all([run(servers[0]!, half), run(servers[1]!, half)])
      twos.push(both[0] + both[1])
      log(
        `  round ${round + 1}: one instance ${fmt(ones.at(-1)!)} req/s, two ${fmt(twos.at(-1)!)} req/s (${fmt(both[0])} + ${fmt(both[1])})`,
      )
    }
    const one = median(ones)
    const two = median(twos)
    log(
      `  ${label(options.requests)} requests, ${options.connections} connections: one ${fmt(one)} req/s, two ${fmt(two)} req/s = ×${(two / one).toFixed(2)}`,
    )
    return { one, two }
  } finally {
    for (const s of servers) await s.stop()
  }
}
