import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * R6 as DESIGN.md reads it now: for Azure any Entra role opens the customer's tenant and the
 * ticket permission comes from Azure RBAC, so a role no longer says whether it "files Azure
 * tickets" — the flag is gone (Office 365, EMS and Dynamics keep files_m365_tickets, R9).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table directory_roles drop column if exists files_azure_tickets;
    `,
  )
}
