import { AppError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'

/** Why a change to customers, subscriptions, orders or profiles was refused, in English and Italian; keys are the machine codes. */
const en = {
  commerce_role_required:
    'Only the partner’s admin agents, sales agents and global administrators manage customers, orders and subscriptions.',
  profile_admin_required: 'Only the partner’s admin agents and global administrators change its profiles.',
  own_context_required: 'Partner Center is used in your own tenant’s context, not in a customer’s.',
  support_contact_provider_only:
    'Only {provider}, the indirect provider of this subscription, chooses the reseller who supports it.',
  support_contact_not_reseller:
    'The support contact must be one of your indirect resellers; {tenant} is not.',
  support_contact_mpn_mismatch: 'SupportMpnId {mpn} is not the MPN id of {name} ({expected}).',
  unknown_relationship_type:
    'relationship_type must be IsIndirectResellerOf or IsIndirectCloudSolutionProviderOf (got {value}).',
  invalid_mpn_id: 'mpnId must be a Microsoft Partner Network id: digits only (got {value}).',
  unknown_mpn_id: 'There is no partner organization with MPN id {value}.',
} as const

export type CustomerProblem = keyof typeof en

const it: Record<CustomerProblem, string> = {
  commerce_role_required:
    'Solo gli agenti amministratori, gli agenti di vendita e gli amministratori globali del partner gestiscono clienti, ordini e sottoscrizioni.',
  profile_admin_required:
    'Solo gli agenti amministratori e gli amministratori globali del partner modificano i suoi profili.',
  own_context_required:
    'Il Centro per i partner si usa nel contesto del tuo tenant, non in quello di un cliente.',
  support_contact_provider_only:
    'Solo {provider}, il provider indiretto di questa sottoscrizione, sceglie il rivenditore che la assiste.',
  support_contact_not_reseller:
    'Il contatto di supporto deve essere uno dei tuoi rivenditori indiretti; {tenant} non lo è.',
  support_contact_mpn_mismatch: "SupportMpnId {mpn} non è l'id MPN di {name} ({expected}).",
  unknown_relationship_type:
    'relationship_type deve essere IsIndirectResellerOf o IsIndirectCloudSolutionProviderOf (ricevuto {value}).',
  invalid_mpn_id: 'mpnId deve essere un id Microsoft Partner Network: solo cifre (ricevuto {value}).',
  unknown_mpn_id: "Non esiste un'organizzazione partner con id MPN {value}.",
}

const FALLBACK_KEY: Record<number, MessageKey> = {
  400: 'error.validation',
  404: 'error.not_found',
  409: 'error.validation',
}

/** A refused customer or commerce call: a stable code, its message from this component's own catalog. */
export class CustomerError extends AppError {
  constructor(
    status: number,
    readonly problem: CustomerProblem,
    readonly detail: Record<string, string> = {},
    details?: unknown,
  ) {
    super(status, problem, FALLBACK_KEY[status] ?? 'error.forbidden', detail, details)
  }

  override localize(locale: Locale) {
    const template: string = (locale === 'it' ? it : en)[this.problem]
    const message = template.replace(/\{(\w+)\}/g, (whole, name: string) => this.detail[name] ?? whole)
    return this.details === undefined ? { message } : { message, details: this.details }
  }
}
