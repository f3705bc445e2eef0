import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A real SMTP server on 127.0.0.1 that keeps what it receives, and can go down and come back. */
export interface TestInbox {
  /** The port, the same across stop() and start(). */
  port: number
  url: string
  messages: ParsedMail[]
  /** Recipients the server refuses for good (550). */
  reject: Set<string>
  /** How long the server takes to accept each message. */
  delayMs: number
  /** Called as each message arrives, before the server answers it. */
  onMessage: ((mail: ParsedMail) => void) | null
  start(): Promise<void>
  /** Down: the port is closed, connections are refused. */
  stop(): Promise<void>
  /** The messages about one request (its number is in every subject). */
  about(requestId: string): ParsedMail[]
}

/**
 * Below the kernel's ephemeral range (32768 and up on Linux): while the server is down, no
 * outgoing connection or `listen(0)` of another test can take its port, so it comes back on it.
 */
async function listenOutsideEphemeralRange(server: SMTPServer, port: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = port || 20_000 + Math.floor(Math.random() * 12_000)
    const listening = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) =>
        error.code === 'EADDRINUSE' && !port ? resolve(false) : reject(error)
      server.once('error', onError)
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', onError)
        resolve(true)
      })
    })
    if (listening) return (server.server.address() as AddressInfo).port
  }
  throw new Error('no free port for the test SMTP server')
}

export async function startInbox(): Promise<TestInbox> {
  let server: SMTPServer | null = null
  const inbox: TestInbox = {
    port: 0,
    url: '',
    messages: [],
    reject: new Set(),
    delayMs: 0,
    onMessage: null,
    async start() {
      if (server) return
      const s = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        closeTimeout: 50,
        onRcptTo(address, _session, callback) {
          if (inbox.reject.has(address.address.toLowerCase())) {
            return callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }))
          }
          callback()
        },
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) =>
              setTimeout(() => {
                inbox.messages.push(mail)
                inbox.onMessage?.(mail)
                callback()
              }, inbox.delayMs),
            callback,
          )
        },
      })
      // a client hanging up mid-session is an 'error' of the server: nothing to fail on here
      s.on('error', () => undefined)
      inbox.port = await listenOutsideEphemeralRange(s, inbox.port)
      inbox.url = `smtp://127.0.0.1:${inbox.port}`
      server = s
    },
    async stop() {
      const s = server
      server = null
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
    },
    about(requestId) {
      return inbox.messages.filter((m) => m.subject?.startsWith(`[Tramite ${requestId}]`))
    },
  }
  await inbox.start()
  return inbox
}
