import type { AppContext } from '../platform/context.ts'
import type { Task } from '../platform/scheduler.ts'

/** Sends what waits in the email outbox over SMTP (implementation in progress). */
export function createEmailTask(_ctx: AppContext): Task {
  return { name: 'email', run: async () => undefined }
}
