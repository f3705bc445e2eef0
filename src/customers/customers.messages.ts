import { CatalogError } from '../platform/errors.ts'
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
  domain_taken: 'The domain {domain} already belongs to a tenant.',
  admin_email_taken: 'The administrator account {email} already exists.',
  associated_partner_required:
    'As an indirect provider you create a customer for one of your indirect resellers: set associatedPartnerId to its tenant id.',
  associated_partner_not_reseller: 'associatedPartnerId {tenant} is not one of your indirect resellers.',
  associated_partner_not_allowed:
    'Only an indirect provider creates customers for a reseller (associatedPartnerId).',
  reseller_cannot_create:
    'Indirect resellers do not create customers: send the customer your reseller relationship link, or ask your indirect provider.',
  relationship_remove_subscriptions:
    'You still sell {count} active subscription(s) to this customer: suspend or cancel them before removing the reseller relationship.',
  relationship_value: 'relationshipToPartner can only be set to none (remove the reseller relationship).',
  invitation_customer_admin_only:
    'Only a global administrator of a customer tenant accepts a reseller relationship invitation, in their own tenant.',
  invitation_unknown_partner: 'The invitation names no active partner ({partner}).',
  invitation_provider_required:
    '{partner} is an indirect reseller linked to several indirect providers: the invitation must name one (indirectCSPId).',
  invitation_provider_invalid: '{provider} is not an indirect provider {partner} is linked to.',
  invitation_already_accepted: '{partner} is already your partner.',
  orders_by_provider:
    'Only a direct partner or an indirect provider places orders; an indirect reseller asks its indirect provider.',
  unknown_offer: 'There is no offer {offer} available in {country}.',
  offer_quantity: 'The quantity of {offer} must be between {min} and {max}.',
  offer_term: '{offer} is not sold with the term {term} (available: {terms}).',
  offer_billing_cycle: '{offer} is not billed {cycle} (available: {cycles}).',
  trial_already_held: 'The customer already has a trial of {offer}.',
  subscription_provider_only: 'Only the partner that provides this subscription ({provider}) changes it.',
  subscription_status_move: 'A subscription that is {from} cannot become {to}.',
  conversion_not_trial: 'Only a trial converts to a paid subscription.',
  conversion_target: '{target} is not an offer this trial converts to (available: {targets}).',
  version_mismatch: 'The subscription changed since you read it (If-Match {given}, current {current}).',
  vendor_admin_only: 'Only a global administrator of {vendor} records subscriptions bought directly from it.',
  unknown_tenant: 'There is no customer or partner tenant {tenant}.',
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
  domain_taken: 'Il dominio {domain} appartiene già a un tenant.',
  admin_email_taken: "L'account amministratore {email} esiste già.",
  associated_partner_required:
    "Come provider indiretto crei un cliente per uno dei tuoi rivenditori indiretti: imposta associatedPartnerId con l'id del suo tenant.",
  associated_partner_not_reseller: 'associatedPartnerId {tenant} non è uno dei tuoi rivenditori indiretti.',
  associated_partner_not_allowed:
    'Solo un provider indiretto crea clienti per un rivenditore (associatedPartnerId).',
  reseller_cannot_create:
    'I rivenditori indiretti non creano clienti: invia al cliente il link della relazione di rivenditore, o chiedi al tuo provider indiretto.',
  relationship_remove_subscriptions:
    'Vendi ancora {count} sottoscrizioni attive a questo cliente: sospendile o annullale prima di rimuovere la relazione di rivenditore.',
  relationship_value:
    'relationshipToPartner può essere impostato solo a none (rimuove la relazione di rivenditore).',
  invitation_customer_admin_only:
    "Solo un amministratore globale di un tenant cliente accetta l'invito a una relazione di rivenditore, nel proprio tenant.",
  invitation_unknown_partner: "L'invito non indica un partner attivo ({partner}).",
  invitation_provider_required:
    "{partner} è un rivenditore indiretto collegato a più provider indiretti: l'invito deve indicarne uno (indirectCSPId).",
  invitation_provider_invalid: '{provider} non è un provider indiretto a cui {partner} è collegato.',
  invitation_already_accepted: '{partner} è già un tuo partner.',
  orders_by_provider:
    'Solo un partner diretto o un provider indiretto effettua ordini; un rivenditore indiretto lo chiede al suo provider indiretto.',
  unknown_offer: "Non esiste un'offerta {offer} disponibile in {country}.",
  offer_quantity: 'La quantità di {offer} deve essere compresa tra {min} e {max}.',
  offer_term: '{offer} non è venduta con la durata {term} (disponibili: {terms}).',
  offer_billing_cycle: '{offer} non è fatturata con ciclo {cycle} (disponibili: {cycles}).',
  trial_already_held: 'Il cliente ha già una prova di {offer}.',
  subscription_provider_only: 'Solo il partner che fornisce questa sottoscrizione ({provider}) la modifica.',
  subscription_status_move: 'Una sottoscrizione nello stato {from} non può passare a {to}.',
  conversion_not_trial: 'Solo una prova si converte in una sottoscrizione a pagamento.',
  conversion_target: '{target} non è un’offerta in cui questa prova si converte (disponibili: {targets}).',
  version_mismatch:
    'La sottoscrizione è cambiata da quando l’hai letta (If-Match {given}, attuale {current}).',
  vendor_admin_only:
    'Solo un amministratore globale di {vendor} registra le sottoscrizioni acquistate direttamente da esso.',
  unknown_tenant: 'Non esiste un tenant cliente o partner {tenant}.',
}

const FALLBACK_KEY: Record<number, MessageKey> = {
  400: 'error.validation',
  404: 'error.not_found',
  409: 'error.validation',
  412: 'error.validation',
}

/** A refused customer or commerce call: a stable code, its message from this component's own catalog. */
export class CustomerError extends CatalogError<CustomerProblem> {
  constructor(
    status: number,
    problem: CustomerProblem,
    detail: Record<string, string> = {},
    details?: unknown,
  ) {
    super(status, problem, { it, en }, FALLBACK_KEY[status] ?? 'error.forbidden', detail, details)
  }
}
