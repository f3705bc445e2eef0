import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  acquireControlSocket,
  DataDirInUseError,
  sendControlCommand,
} from '../../src/platform/control-socket.ts'

describe('the data directory control socket', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tramite-sock-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('when one process holds the directory, then a second acquire is refused naming the owner', async () => {
    const first = await acquireControlSocket(dir)
    expect(statSync(join(dir, 'tramite.sock')).mode & 0o777).toBe(0o600)
    try {
      const error = await acquireControlSocket(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DataDirInUseError)
      expect((error as DataDirInUseError).ownerPid).toBe(process.pid)
    } finally {
      await first.close()
    }
    expect(existsSync(join(dir, 'tramite.sock'))).toBe(false)
  })

  it('when several acquire at once, then exactly one wins', async () => {
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => acquireControlSocket(dir)))
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireControlSocket>>>).value.close()
  })

  it('when the owner was killed and left its socket behind, then the next process takes the directory over', async () => {
    const socketPath = join(dir, 'tramite.sock')
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`,
    ])
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(existsSync(socketPath)).toBe(true)
    expect(await sendControlCommand(dir, 'ping', {})).toBeNull()

    const taken = await acquireControlSocket(dir)
    taken.setHandler(async (command, args) => ({ command, args }))
    expect(await sendControlCommand(dir, 'echo', { a: 1 })).toEqual({
      ok: true,
      result: { command: 'echo', args: { a: 1 } },
    })
    await taken.close()
  })

  it('when a handler fails, then the client gets the error code and message, and the socket keeps serving', async () => {
    const socket = await acquireControlSocket(dir)
    socket.setHandler(async (command) => {
      if (command === 'fail') throw Object.assign(new Error('nope'), { code: 'bad_thing' })
      return 'fine'
    })
    expect(await sendControlCommand(dir, 'fail', {})).toEqual({
      ok: false,
      error: { code: 'bad_thing', message: 'nope' },
    })
    expect(await sendControlCommand(dir, 'other', {})).toEqual({ ok: true, result: 'fine' })
    await socket.close()
  })

  it('when the server stops while a command runs, then the client is told it went away (never an answer-less success)', async () => {
    const socket = await acquireControlSocket(dir)
    let started!: () => void
    const running = new Promise<void>((resolve) => (started = resolve))
    socket.setHandler(async () => {
      started()
      return new Promise(() => undefined) // a command that never finishes
    })
    const sent = sendControlCommand(dir, 'advise', {}).catch((e: unknown) => e)
    await running
    await socket.close()
    const error = (await sent) as Error & { code?: string }
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('server_gone')
  })
})
