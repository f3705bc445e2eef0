import { randomBytes } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { hashPassword } from '../identity/passwords.ts'
import { demoUsers } from './world.ts'

/** The demo users' passwords and, once argon2 is done, their hashes by email. */
export interface DemoCredentials {
  credentials: { email: string; password: string }[]
  hashes: Promise<Map<string, string>>
}

function randomPassword(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * Chooses the demo users' passwords (the one given, or one random password each) and starts
 * hashing them at once: argon2 runs on libuv's threads, so a start that calls this before opening
 * a new database gets the hashes (~1 s of CPU for random passwords) while PGlite opens and the
 * demo world is written on the main thread (seedDemoWorld awaits them last). At most one hash per core but one runs at a time, so the main thread keeps a core.
 * With one shared password it is hashed once (argon2 salts each hash anyway).
 */
export function demoCredentials(password: string | undefined): DemoCredentials {
  const credentials = demoUsers().map((u) => ({ email: u.email, password: password ?? randomPassword() }))
  const distinct = [...new Set(credentials.map((c) => c.password))]
  const byPassword = new Map<string, string>()
  const lanes = Math.max(1, Math.min(distinct.length, availableParallelism() - 1))
  const lane = async () => {
    for (let next = distinct.shift(); next !== undefined; next = distinct.shift())
      byPassword.set(next, await hashPassword(next))
  }
  const hashes = Promise.all(Array.from({ length: lanes }, lane)).then(
    () => new Map(credentials.map((c) => [c.email, byPassword.get(c.password)!])),
  )
  // a start that finds the world made never awaits them; a failure then is no one's to report
  hashes.catch(() => undefined)
  return { credentials, hashes }
}
