import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each file opens its own database copy; PGlite is memory-hungry, so keep parallelism modest.
    maxWorkers: 2,
    fileParallelism: true,
  },
})
