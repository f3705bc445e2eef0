/**
 * Runs periodic tasks in this process, one run at a time (a slow run is never overlapped). The
 * tasks themselves are safe to run in several processes at once (see gdap.jobs.ts), so every
 * instance runs its own scheduler and a restart only delays the next run.
 */
export interface Task {
  name: string
  run(): Promise<unknown>
  /** Releases what the task holds (an SMTP pool…) once the scheduler has stopped. */
  close?(): Promise<void>
}

export interface Scheduler {
  /** Runs every task once now (tests and the CLI use it). */
  runOnce(): Promise<void>
  stop(): Promise<void>
}

export function startScheduler(
  tasks: Task[],
  intervalMs: number,
  onError: (task: string, error: unknown) => void,
): Scheduler {
  let running: Promise<void> | null = null
  let stopped = false
  const runOnce = (): Promise<void> => {
    running ??= (async () => {
      for (const task of tasks) {
        try {
          await task.run()
        } catch (error) {
          onError(task.name, error)
        }
      }
    })().finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(() => {
    if (!stopped && !running) void runOnce()
  }, intervalMs)
  timer.unref()
  return {
    runOnce,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
      for (const task of tasks) await task.close?.()
    },
  }
}
