import { describe, expect, it } from 'vitest'
import { demoCredentials } from '../../src/demo/demo-credentials.ts'
import { demoUsers } from '../../src/demo/world.ts'
import { verifyPassword } from '../../src/identity/passwords.ts'

// The demo users' passwords, hashed while a first start opens its database (no database here).
describe('demo credentials', () => {
  it("when no password is given, then every demo user gets a random password of their own, and their hash verifies it and no one else's", async () => {
    const { credentials, hashes } = demoCredentials(undefined)
    expect(credentials.map((c) => c.email)).toEqual(demoUsers().map((u) => u.email))
    expect(new Set(credentials.map((c) => c.password)).size).toBe(credentials.length)
    const byEmail = await hashes
    expect(byEmail.size).toBe(credentials.length)
    for (const [i, c] of credentials.entries()) {
      expect(await verifyPassword(byEmail.get(c.email)!, c.password)).toBe(true)
      const other = credentials[(i + 1) % credentials.length]!
      expect(await verifyPassword(byEmail.get(c.email)!, other.password)).toBe(false)
    }
  })

  it('when one password is given, then every demo user has it, hashed once', async () => {
    const { credentials, hashes } = demoCredentials('shared-password')
    expect(credentials.every((c) => c.password === 'shared-password')).toBe(true)
    const byEmail = await hashes
    expect(new Set(byEmail.values()).size).toBe(1)
    expect(await verifyPassword(byEmail.get(credentials[0]!.email)!, 'shared-password')).toBe(true)
  })
})
