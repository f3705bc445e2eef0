import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { X509Certificate } from 'node:crypto'
import { join } from 'node:path'
import type { Config } from '../config/config.ts'

export interface TlsMaterial {
  cert: string
  key: string
  /** Where the certificate is, for clients to trust (NODE_EXTRA_CA_CERTS). */
  certPath: string
  generated: boolean
}

/**
 * The certificate HTTPS is served with: the operator's (TLS_CERT/TLS_KEY), or with
 * TRAMITE_TLS=dev a self-signed one for localhost, 127.0.0.1 and ::1, created once in
 * TRAMITE_DATA_DIR/tls and kept across restarts (renewed when it nears its end).
 */
export async function loadTls(config: Config): Promise<TlsMaterial | null> {
  if (config.TLS_CERT && config.TLS_KEY) {
    return {
      cert: readFileSync(config.TLS_CERT, 'utf8'),
      key: readFileSync(config.TLS_KEY, 'utf8'),
      certPath: config.TLS_CERT,
      generated: false,
    }
  }
  if (config.TRAMITE_TLS !== 'dev') return null
  const dir = join(config.dataDir, 'tls')
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8')
    const validTo = new Date(new X509Certificate(cert).validTo)
    if (validTo.getTime() - Date.now() > 30 * 86400_000) {
      return { cert, key: readFileSync(keyPath, 'utf8'), certPath, generated: false }
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const notAfter = new Date(Date.now() + 825 * 86400_000)
  // loaded only when a certificate is made (once per data directory), not at every start
  const { generate } = await import('selfsigned')
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  })
  writeFileSync(keyPath, pems.private, { mode: 0o600 })
  writeFileSync(certPath, pems.cert, { mode: 0o644 })
  return { cert: pems.cert, key: pems.private, certPath, generated: true }
}
