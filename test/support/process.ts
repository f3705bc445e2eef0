import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/tramite.js', import.meta.url))
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface RunningProcess {
  child: ChildProcess
  stdout: string[]
  stderr: string[]
  httpUrl: string
  httpsUrl: string | null
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  exited: Promise<number | null>
}

function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C' }
  // MAX_EVENT_LOOP_DELAY_MS=0: on a loaded CI machine a child's timers fire late, and shedding
  // load would fail tests about something else (back-pressure is tested on its own)
  const defaults = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '0' }
  return { ...clean, ...defaults, ...env, LANG: env.LANG ?? 'C' }
}

/** Starts `tramite serve` and resolves once it prints its URL (or rejects with its output if it exits). */
export function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<RunningProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], { env: baseEnv(env), cwd: ROOT, stdio: 'pipe' })
  const stdout: string[] = []
  const stderr: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(`server did not start in ${timeoutMs} ms:\n${stdout.join('\n')}\n${stderr.join('\n')}`),
      )
    }, timeoutMs)
    let httpsUrl: string | null = null
    let httpUrl: string | null = null
    const onLine = (sink: string[], line: string) => {
      if (!line) return
      sink.push(line)
      const https = /^HTTPS (https:\/\/\S+)/.exec(line)
      if (https) httpsUrl = https[1]!
      const started = /^Tramite (http:\/\/\S+)/.exec(line)
      if (started) httpUrl = started[1]!.replace('localhost', '127.0.0.1')
      // the API reference line is the last one printed at start
      if (line.startsWith('API reference') && httpUrl) {
        clearTimeout(timer)
        resolve({
          child,
          stdout,
          stderr,
          httpUrl,
          httpsUrl,
          exited,
          stop(signal = 'SIGTERM') {
            child.kill(signal)
            return exited
          },
        })
      }
    }
    // a read may end inside a line (a long log line, a loaded machine): the rest comes with the next
    const lines = (sink: string[]) => {
      let partial = ''
      return (chunk: string) => {
        const text = partial + chunk
        const cut = text.lastIndexOf('\n') + 1
        partial = text.slice(cut)
        for (const line of text.slice(0, cut).split('\n')) onLine(sink, line)
      }
    }
    child.stdout!.setEncoding('utf8').on('data', lines(stdout))
    child.stderr!.setEncoding('utf8').on('data', lines(stderr))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(
        new Error(`server exited with ${code} before starting:\n${stdout.join('\n')}\n${stderr.join('\n')}`),
      )
    })
  })
}

/** Runs a CLI command to completion. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: baseEnv(env), cwd: ROOT, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  // 'close', not 'exit': a process can exit before its last output is read from the pipe (a loaded
  // machine showed an advise whose JSON was not all there yet)
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
}
