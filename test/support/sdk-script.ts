import { spawn } from 'node:child_process'
import { ROOT } from './process.ts'

/** What a script printed and how it ended. */
export interface ScriptRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `command args` from the repository's root with only PATH and `env` in its environment
 * (an SDK script is told where Tramite is and which tokens to use, nothing else), and collects
 * its output until it exits.
 */
export function runScript(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<ScriptRun> {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  // 'close': all its output is read (at 'exit' the pipes may still hold some)
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
}

/** Runs one of the TypeScript scripts in scripts/sdk (through tsx), as `npm run sdk:…` does. */
export function runSdkScript(script: string, env: Record<string, string | undefined>): Promise<ScriptRun> {
  return runScript(process.execPath, ['--import', 'tsx', `scripts/sdk/${script}`], env)
}

/** The SDK scripts print one JSON object a line, one a step: the lines, parsed. */
export const jsonLines = (stdout: string): any[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))

/** The steps by their `step` name (a later step of the same name replaces an earlier one). */
export const stepsByName = (stdout: string): Record<string, any> =>
  Object.fromEntries(jsonLines(stdout).map((s) => [s.step, s]))
