// `npm run typecheck`: the server, the browser tests and the portal are three TypeScript projects.
// They are checked side by side (two cores do two at once) and incrementally: each keeps its
// build info under node_modules/.cache, so a second run re-checks only what changed.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const projects = [
  ['tsconfig.json', 'server'],
  ['test/browser/tsconfig.json', 'browser-tests'],
  ['web/tsconfig.json', 'web'],
]
const run = ([project, name]) =>
  new Promise((resolve) => {
    const args = [tsc, '--noEmit', '-p', project, '--incremental']
    args.push('--tsBuildInfoFile', `node_modules/.cache/tsc/${name}.tsbuildinfo`)
    const child = spawn(process.execPath, args, { stdio: 'inherit' })
    child.on('exit', (code) => resolve(code ?? 1))
  })
const codes = await Promise.all(projects.map(run))
process.exitCode = codes.some((c) => c !== 0) ? 1 : 0
