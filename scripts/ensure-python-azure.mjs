// Run before `npm test`: the Python SDK test (test/azure/python-sdk.test.ts) drives Microsoft's
// azure-mgmt-support client from Debian's python3-azure package, with Debian's own Python. When it is
// missing and this is a root shell on Debian, it is installed with apt-get; otherwise the test run
// stops here with the command to run. PYTHON_AZURE names another Python that has the package.
import { execFileSync, spawnSync } from 'node:child_process'

const python = process.env.PYTHON_AZURE || '/usr/bin/python3'
const hasSdk = () =>
  spawnSync(python, ['-c', 'import azure.mgmt.support, azure.core'], { stdio: 'ignore' }).status === 0
if (hasSdk()) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (!isRoot || !hasApt || process.env.PYTHON_AZURE) {
  console.error(
    `The Python SDK test needs Microsoft's azure-mgmt-support for ${python}, which cannot import it.\n` +
      'Install it (Debian: sudo apt-get install -y python3-azure) or set PYTHON_AZURE to a Python that has ' +
      'azure-mgmt-support and azure-core.',
  )
  process.exit(1)
}
console.error('azure-mgmt-support not found: installing Debian’s python3-azure package (a few minutes)…')
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'python3-azure'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
} catch {
  console.error('Installing python3-azure failed; install it by hand: apt-get install -y python3-azure')
  process.exit(1)
}
if (!hasSdk()) {
  console.error(`python3-azure is installed but ${python} still cannot import azure.mgmt.support`)
  process.exit(1)
}
