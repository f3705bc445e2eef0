import { createEmailTask } from './email/email.delivery.ts'
import { runGdapJobs } from './gdap/gdap.jobs.ts'
import type { AppContext } from './platform/context.ts'
import type { Task } from './platform/scheduler.ts'
import { runSlaJob } from './service-requests/sla.jobs.ts'
import { createWebhookTask } from './webhooks/webhooks.delivery.ts'

/** Every scheduled task, in the order one run performs them. */
export function scheduledTasks(ctx: AppContext): Task[] {
  return [
    { name: 'gdap', run: () => runGdapJobs(ctx) },
    { name: 'sla', run: () => runSlaJob(ctx) },
    createEmailTask(ctx),
    createWebhookTask(ctx),
  ]
}
