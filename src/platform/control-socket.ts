import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'

/**
 * The data directory's control socket. On PGlite only one process may open the database files
 * (PGlite has no lock of its own, and two writers corrupt it), so the process that owns the
 * directory listens on `tramite.sock` inside it:
 * - binding the socket is the lock: a second process finds it answering and is refused;
 * - a socket left behind by a killed process answers nothing and is taken over;
 * - the CLI sends its commands over the socket when a server owns the directory.
 * The socket is owner-only (0600) inside an owner-only directory (0700).
 */

export const SOCKET_NAME = 'tramite.sock'
const MAX_SOCKET_PATH = 100 // sun_path is 104–108 bytes depending on the OS

export type ControlHandler = (command: string, args: Record<string, unknown>) => Promise<unknown>

export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use'
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number | null,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Tramite process${ownerPid ? ` (pid ${ownerPid})` : ''}. ` +
        'The embedded database allows one process at a time: stop that process, use another TRAMITE_DATA_DIR, ' +
        'or run several instances on PostgreSQL (DATABASE_URL). CLI commands reach a running server on their own.',
    )
    this.name = 'DataDirInUseError'
  }
}

export interface ControlSocket {
  readonly path: string
  setHandler(handler: ControlHandler): void
  close(): Promise<void>
}

export function socketPathFor(dataDir: string): string {
  return join(dataDir, SOCKET_NAME)
}

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
}

function readOwnerPid(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'tramite.pid'), 'utf8'), 10)
    return Number.isFinite(pid) ? pid : null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Answers whether something is listening on the socket right now. */
function probe(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const client = net.createConnection(path)
    client.once('connect', () => {
      client.destroy()
      resolve(true)
    })
    client.once('error', () => resolve(false))
  })
}

function listen(server: net.Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(path)
  })
}

/**
 * Takes over a socket left behind by a dead process. The takeover itself is guarded by an
 * exclusive `wx` file, so two processes recovering at once cannot both unlink and bind.
 */
async function takeOverStaleSocket(server: net.Server, path: string, dataDir: string): Promise<void> {
  const guard = join(dataDir, 'tramite.sock.takeover')
  let fd: number
  try {
    fd = openSync(guard, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number.parseInt(readFileSync(guard, 'utf8') || '0', 10)
    if (holder && isAlive(holder)) throw new DataDirInUseError(dataDir, holder)
    unlinkSync(guard) // left by a process that died during its own takeover
    fd = openSync(guard, 'wx', 0o600)
  }
  try {
    writeFileSync(fd, String(process.pid))
    if (await probe(path)) throw new DataDirInUseError(dataDir, readOwnerPid(dataDir))
    try {
      unlinkSync(path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    await listen(server, path)
  } finally {
    closeSync(fd)
    unlinkSync(guard)
  }
}

/** Binds the data directory's control socket, or throws DataDirInUseError. */
export async function acquireControlSocket(dataDir: string): Promise<ControlSocket> {
  ensurePrivateDir(dataDir)
  const path = socketPathFor(dataDir)
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    throw new Error(
      `The data directory path is too long for its control socket (${path}); use a shorter TRAMITE_DATA_DIR.`,
    )
  }
  let handler: ControlHandler | null = null
  const connections = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    connections.add(socket)
    socket.on('close', () => connections.delete(socket))
    socket.on('error', () => socket.destroy())
    let buffer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      if (buffer.length > 1024 * 1024) return socket.destroy()
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        void answer(socket, line)
      }
    })
  })

  async function answer(socket: net.Socket, line: string): Promise<void> {
    let reply: unknown
    try {
      const request = JSON.parse(line) as { command?: unknown; args?: unknown }
      if (typeof request.command !== 'string') throw new Error('command missing')
      if (!handler) throw new Error('the server is still starting; try again in a moment')
      const args =
        request.args && typeof request.args === 'object' ? (request.args as Record<string, unknown>) : {}
      reply = { ok: true, result: await handler(request.command, args) }
    } catch (error) {
      const e = error as Error & { code?: string }
      reply = { ok: false, error: { code: e.code ?? 'command_failed', message: e.message } }
    }
    if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`)
  }

  try {
    await listen(server, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    if (await probe(path)) throw new DataDirInUseError(dataDir, readOwnerPid(dataDir))
    await takeOverStaleSocket(server, path, dataDir)
  }
  chmodSync(path, 0o600)
  writeFileSync(join(dataDir, 'tramite.pid'), String(process.pid), { mode: 0o600 })

  return {
    path,
    setHandler(h) {
      handler = h
    },
    close() {
      return new Promise((resolve) => {
        for (const socket of connections) socket.destroy()
        server.close(() => {
          try {
            unlinkSync(join(dataDir, 'tramite.pid'))
          } catch {
            // already gone
          }
          resolve()
        })
      })
    },
  }
}

/**
 * Sends one command to the process that owns the data directory. Answers `null` when no process
 * listens (the caller may then open the directory itself).
 */
export async function sendControlCommand(
  dataDir: string,
  command: string,
  args: Record<string, unknown>,
): Promise<{ ok: true; result: unknown } | { ok: false; error: { code: string; message: string } } | null> {
  const path = socketPathFor(dataDir)
  return new Promise((resolve, reject) => {
    const client = net.createConnection(path)
    let buffer = ''
    let connected = false
    client.setEncoding('utf8')
    client.once('connect', () => {
      connected = true
      client.write(`${JSON.stringify({ command, args })}\n`)
    })
    client.on('data', (chunk: string) => {
      buffer += chunk
      const newline = buffer.indexOf('\n')
      if (newline >= 0) {
        client.end()
        try {
          resolve(JSON.parse(buffer.slice(0, newline)))
        } catch (error) {
          reject(error as Error)
        }
      }
    })
    client.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')) resolve(null)
      else reject(error)
    })
    // the server went away before answering (it stopped or crashed): say so, never end in silence
    client.once('close', () => {
      if (connected && buffer.indexOf('\n') < 0) {
        reject(
          Object.assign(new Error('the running server closed the connection before answering'), {
            code: 'server_gone',
          }),
        )
      }
    })
  })
}
