// Run before `npm test`: the browser test drives Debian's Chromium (never a downloaded browser).
// When Chromium is missing and this is a root shell on Debian, it is installed with apt-get;
// otherwise the test run stops here with the command to run.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(
    `Chromium is needed by the browser test and was not found at ${path}.\n` +
      'Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.',
  )
  process.exit(1)
}
console.error(
  'Chromium not found: installing Debian’s chromium package for the browser test (about a minute)…',
)
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
} catch {
  console.error('Installing chromium failed; install it by hand: apt-get install -y chromium')
  process.exit(1)
}
