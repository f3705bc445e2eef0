// Sums vitest JSON reports (and extra named checks) into the one line CI reads: "N passed, N failed".
// A test file that failed to load counts as one failure, and so does a run with errors outside any test.
// A skipped or todo test counts as a failure too: a skipped test left in hides a gap. Usage:
//   node scripts/vitest-summary.mjs report1.json [report2.json ...] [--check name=exitCode ...]
import { readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const notes = []
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--check') {
    const [name, code] = args[++i].split('=')
    if (code === '0') passed++
    else {
      failed++
      notes.push(`check ${name} failed (exit ${code})`)
    }
    continue
  }
  let report
  try {
    report = JSON.parse(readFileSync(args[i], 'utf8'))
  } catch {
    failed++
    notes.push(`${args[i]}: no report (the test run did not complete)`)
    continue
  }
  const unloadable = report.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  )
  const skipped = report.numPendingTests + report.numTodoTests
  passed += report.numPassedTests
  let reportFailures = report.numFailedTests + unloadable.length + skipped
  // errors outside tests (unhandled rejections, teardown failures) fail the run without failing a test
  if (report.success === false && reportFailures === 0) {
    reportFailures = 1
    notes.push(`${args[i]}: the run reported errors outside any test`)
  }
  failed += reportFailures
  for (const f of unloadable) notes.push(`${args[i]}: ${f.name} failed to load`)
  if (skipped) notes.push(`${args[i]}: ${skipped} skipped or todo tests (counted as failed)`)
}
for (const note of notes) console.log(note)
console.log(`${passed} passed, ${failed} failed`)
