import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import ipaddr from 'ipaddr.js'
import { Agent, type Dispatcher } from 'undici'

/**
 * Webhook URLs are chosen by partner administrators, and the server POSTs to them: without a
 * guard, a subscription could make the server reach what only it can reach (cloud metadata at
 * 169.254.169.254, the database, an admin port on localhost). Only public unicast addresses are
 * called unless WEBHOOKS_ALLOW_PRIVATE_NETWORK is set. The check runs on the addresses the
 * connection actually uses (in the DNS lookup of each connection), so a name that resolves to a
 * public address at subscription time and a private one later (DNS rebinding) is still refused.
 */

/** True for an address on the public internet: ipaddr.js's "unicast" range, IPv4-mapped unwrapped. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  return parsed.range() === 'unicast'
}

/** The IP literal of a URL's host (`[::1]` → `::1`), or null for a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  return ipaddr.isValid(bare) ? bare : null
}

export class BlockedAddressError extends Error {
  readonly code = 'EADDRNOTALLOWED'
  constructor(host: string) {
    super(`${host} is not a public internet address (set WEBHOOKS_ALLOW_PRIVATE_NETWORK to allow it)`)
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** dns.lookup that keeps only public addresses, and fails when none is left. */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, [])
    const allowed = addresses.filter((a) => isPublicAddress(a.address))
    if (allowed.length === 0) return callback(new BlockedAddressError(hostname), [])
    if (options.all) return callback(null, allowed)
    const first = allowed[0]!
    callback(null, first.address, first.family)
  })
}

let guarded: Agent | undefined

/**
 * The dispatcher webhook deliveries go through: with the guard, connections only to public
 * addresses; without it (private networks allowed), undici's default.
 */
export function webhookDispatcher(allowPrivateNetwork: boolean): Dispatcher | undefined {
  if (allowPrivateNetwork) return undefined
  guarded ??= new Agent({ connect: { lookup: publicOnlyLookup } })
  return guarded
}
