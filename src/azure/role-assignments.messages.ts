import { AppError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { ArmProblem } from './role-assignments.service.ts'

/**
 * The portal's words for ARM's role-assignment refusals (ARM's own messages are English only and
 * stay on the ARM surface): the same code, the same status, a message in Italian or English.
 */
const en = {
  SubscriptionNotFound: 'The subscription does not exist, or you are not working in its tenant.',
  AuthorizationFailed:
    'Changing role assignments needs Owner on the subscription (yours or one of your groups’), or the tenant’s global administrator.',
  RoleAssignmentExists: 'This principal already holds this role on the subscription.',
  PrincipalNotFound:
    'Roles go to users and groups of the subscription’s tenant, or to groups of a partner that serves it.',
  other: 'Azure refused the change: {detail}',
} as const

const it: Record<keyof typeof en, string> = {
  SubscriptionNotFound: 'La sottoscrizione non esiste, oppure non stai lavorando nel suo tenant.',
  AuthorizationFailed:
    'Per cambiare le assegnazioni di ruolo serve Owner sulla sottoscrizione (tuo o di un tuo gruppo), oppure essere amministratore globale del tenant.',
  RoleAssignmentExists: 'Questa entità ha già questo ruolo sulla sottoscrizione.',
  PrincipalNotFound:
    'I ruoli si assegnano a utenti e gruppi del tenant della sottoscrizione, o a gruppi di un partner che lo serve.',
  other: 'Azure ha rifiutato la modifica: {detail}',
}

class RoleAssignmentRefused extends AppError {
  constructor(readonly problem: ArmProblem) {
    super(problem.status, problem.code, 'error.validation', { detail: problem.armMessage })
  }

  override localize(locale: Locale) {
    const catalog = locale === 'it' ? it : en
    const key = (this.problem.code in catalog ? this.problem.code : 'other') as keyof typeof en
    return { message: catalog[key].replace('{detail}', this.problem.armMessage) }
  }
}

/** Runs an RBAC service call for the portal: ARM's refusals come back in the portal's language. */
export async function inPortalWords<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof ArmProblem) throw new RoleAssignmentRefused(error)
    throw error
  }
}
