// Run before `npm test`: the Python MSAL test drives Debian's python3-msal (MSAL in another language).
// When it is missing and this is a root shell on Debian, it is installed with apt-get; otherwise
// the test run stops here with the command to run.
import { execFileSync, spawnSync } from 'node:child_process'

const python = process.env.PYTHON_MSAL || '/usr/bin/python3'
const has = () => spawnSync(python, ['-c', 'import msal'], { stdio: 'ignore' }).status === 0
if (has()) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (!isRoot || !hasApt || process.env.PYTHON_MSAL) {
  console.error(
    `Python's msal is needed by the authority test and ${python} cannot import it.\n` +
      'Install it (Debian: sudo apt-get install -y python3-msal) or set PYTHON_MSAL to a Python that has it.',
  )
  process.exit(1)
}
console.error('python3-msal not found: installing Debian’s package for the authority test…')
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'python3-msal'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
} catch {
  console.error('Installing python3-msal failed; install it by hand: apt-get install -y python3-msal')
  process.exit(1)
}
