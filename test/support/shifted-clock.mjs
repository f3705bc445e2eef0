/**
 * Test-only, loaded with `node --import`: moves this process's clock by TEST_CLOCK_OFFSET_MS, as
 * `t.clock.offsetMs` does for an in-process app — for process tests that need time to pass (a GDAP
 * relationship of one day, read a day later). Only `new Date()` and `Date.now()` move.
 */
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0)
if (offset) {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = ShiftedDate
}
