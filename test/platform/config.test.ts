import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, describeConfig, loadConfig } from '../../src/config/config.ts'

describe('configuration', () => {
  it('when nothing is set, then every key has a zero-setup default (PGlite in ./data, port 3000, no TLS)', () => {
    const config = loadConfig({}, '/srv/tramite')
    expect(config.PORT).toBe(3000)
    expect(config.dataDir).toBe('/srv/tramite/data')
    expect(config.database).toEqual({ kind: 'pglite', dir: '/srv/tramite/data/pglite' })
    expect(config.TRAMITE_TLS).toBe('off')
    expect(config.HTTPS_PORT).toBe(3443)
    expect(config.TRAMITE_DEMO).toBe(true)
    expect(config.publicUrl).toBe('http://localhost:3000')
  })

  it('when DATABASE_URL and other keys are set, then they are converted and used', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db:5432/tramite',
      PORT: '8080',
      TRAMITE_DEMO: 'false',
      TRAMITE_DATA_DIR: '/var/lib/tramite',
      PUBLIC_URL: 'https://support.example.com/',
    })
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://db:5432/tramite' })
    expect(config.PORT).toBe(8080)
    expect(config.TRAMITE_DEMO).toBe(false)
    expect(config.dataDir).toBe('/var/lib/tramite')
    expect(config.publicUrl).toBe('https://support.example.com')
  })

  it('when several values are wrong, then loading fails listing every problem at once', () => {
    let error: unknown
    try {
      loadConfig({
        PORT: 'eighty',
        TRAMITE_TLS: 'maybe',
        DATABASE_URL: 'mysql://x',
        TLS_CERT: '/etc/cert.pem',
        TRAMITE_DEMO_PASSWORD: 'short',
      })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems
    expect(problems).toHaveLength(5)
    expect(problems.join('\n')).toMatch(/PORT="eighty"/)
    expect(problems.join('\n')).toMatch(/TRAMITE_TLS="maybe".*allowed: off, dev/)
    expect(problems.join('\n')).toMatch(/DATABASE_URL/)
    expect(problems.join('\n')).toMatch(/TRAMITE_DEMO_PASSWORD/)
    expect(problems.join('\n')).toMatch(/TLS_CERT and TLS_KEY must be set together/)
  })

  it('when the keys are described, then each has a one-line doc', () => {
    const rows = describeConfig()
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) expect(row.doc.length, row.key).toBeGreaterThan(10)
  })

  it('when the README is read, then it documents every key with its default', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    for (const row of describeConfig()) {
      const line = readme.split('\n').find((l) => new RegExp(`^\\|\\s*\`${row.key}\`\\s*\\|`).test(l))
      expect(line, row.key).toBeDefined()
      if (row.default !== '(unset)') expect(line, row.key).toContain(`\`${row.default}\``)
    }
  })
})
