import { createAuditAnchorTask } from './audit/audit-anchor.ts'
import { createAuditCheckTask, createAuditSealTask } from './audit/audit-check.ts'
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
    // after the others, so a run seals the audit events they wrote
    createAuditSealTask(ctx),
    createAuditAnchorTask(ctx),
    createAuditCheckTask(ctx),
  ]
}
