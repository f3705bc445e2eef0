import type { AppContext } from '../platform/context.ts'
import type { Task } from '../platform/scheduler.ts'

/** Delivers queued webhook events (implementation in progress). */
export function createWebhookTask(_ctx: AppContext): Task {
  return { name: 'webhooks', run: async () => undefined }
}
