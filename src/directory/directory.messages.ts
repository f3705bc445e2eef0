import { CatalogError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'

/** Why a change to the directory (partners, users, groups, entitlements, products) was refused; keys are the machine codes. */
const en = {
  directory_admin_required:
    'Only administrators change the directory: global administrators, and in a partner tenant its admin agents.',
  vendor_admin_required:
    'Only {vendor}’s global administrators administer partners and marketplace products.',
  own_tenant_required:
    'The directory is administered in your own tenant’s context, not in a customer’s (the token names tenant {tenant}).',
  email_taken: 'There is already a user {email}.',
  email_taken_deleted: 'The address {email} belongs to a deleted user, whose history keeps it.',
  domain_taken: 'The domain {domain} is already the default domain of a tenant.',
  mpn_taken: 'The MPN id {mpnId} already belongs to another partner.',
  group_name_taken: 'There is already a group named {name}.',
  not_your_object: 'There is no {kind} {id} in your tenant.',
  already_member: '{member} is already a direct member of {group}.',
  not_member: '{member} is not a direct member of {group}.',
  nesting_cycle: 'Adding {member} to {group} would make {group} a member of itself.',
  group_self: 'A group cannot be a member of itself.',
  role_group_fixed:
    '{group} is the partner’s {role} group: it can be renamed, but not deleted (its members hold the role).',
  group_in_use:
    '{group} is used by GDAP access assignments ({count}); end them before deleting the group, so their history stays.',
  self_change: 'You cannot disable or delete your own account.',
  vendor_exists: 'A vendor tenant already exists ({name}); setup runs only once.',
  provider_required: 'An indirect reseller needs at least one indirect provider (--provider <tenant id>).',
  provider_not_allowed: 'Only indirect resellers are linked to providers.',
  not_a_provider: '{tenant} is not an indirect provider.',
  invitation_invalid: 'This invitation link is not valid.',
  invitation_used: 'This invitation has already been used; sign in with the password you chose.',
  invitation_expired: 'This invitation has expired; ask your administrator for a new one.',
  password_too_short: 'The password must be at least {min} characters long.',
  password_too_long: 'The password must be at most {max} characters long.',
  unsupported_group:
    'Only security groups are supported: mailEnabled must be false and securityEnabled true.',
  bad_reference:
    '@odata.id must name a user or group (…/directoryObjects/{id}, …/users/{id} or …/groups/{id}).',
  product_in_use: '{name} is bought by {count} subscriptions: retire it instead of deleting it.',
  product_name_taken: 'There is already a marketplace product named {name}.',
  partner_suspended: '{name} is suspended.',
  user_deleted: '{email} has been deleted.',
  csv_invalid: 'The CSV file is not valid: {detail}',
  csv_rows_invalid: '{count} rows have problems; nothing was changed.',
  email_invalid: 'Not an email address: {value}.',
  date_invalid: '{field} must be a date (YYYY-MM-DD); got {value}.',
  reference_required: 'The entitlement needs a reference (agreement, contract or plan id).',
} as const

export type DirectoryProblem = keyof typeof en

const it: Record<DirectoryProblem, string> = {
  directory_admin_required:
    'Solo gli amministratori modificano la directory: gli amministratori globali e, in un tenant partner, i suoi agenti amministratori.',
  vendor_admin_required:
    'Solo gli amministratori globali di {vendor} amministrano i partner e i prodotti del marketplace.',
  own_tenant_required:
    'La directory si amministra nel contesto del proprio tenant, non in quello di un cliente (il token indica il tenant {tenant}).',
  email_taken: 'Esiste già un utente {email}.',
  email_taken_deleted: "L'indirizzo {email} appartiene a un utente eliminato, la cui cronologia lo conserva.",
  domain_taken: 'Il dominio {domain} è già il dominio predefinito di un tenant.',
  mpn_taken: "L'id MPN {mpnId} appartiene già a un altro partner.",
  group_name_taken: 'Esiste già un gruppo di nome {name}.',
  not_your_object: 'Nel tuo tenant non esiste {kind} {id}.',
  already_member: '{member} è già membro diretto di {group}.',
  not_member: '{member} non è membro diretto di {group}.',
  nesting_cycle: 'Aggiungere {member} a {group} renderebbe {group} membro di se stesso.',
  group_self: 'Un gruppo non può essere membro di se stesso.',
  role_group_fixed:
    '{group} è il gruppo del ruolo {role} del partner: si può rinominare, ma non eliminare (i suoi membri hanno il ruolo).',
  group_in_use:
    '{group} è usato da assegnazioni di accesso GDAP ({count}); terminale prima di eliminare il gruppo, così la loro cronologia resta.',
  self_change: 'Non puoi disattivare o eliminare il tuo account.',
  vendor_exists:
    'Esiste già un tenant fornitore ({name}); la configurazione iniziale si esegue una sola volta.',
  provider_required:
    'Un rivenditore indiretto richiede almeno un provider indiretto (--provider <id tenant>).',
  provider_not_allowed: 'Solo i rivenditori indiretti sono collegati a dei provider.',
  not_a_provider: '{tenant} non è un provider indiretto.',
  invitation_invalid: 'Questo link di invito non è valido.',
  invitation_used: 'Questo invito è già stato usato; accedi con la password che hai scelto.',
  invitation_expired: "Questo invito è scaduto; chiedine uno nuovo all'amministratore.",
  password_too_short: 'La password deve contenere almeno {min} caratteri.',
  password_too_long: 'La password può contenere al massimo {max} caratteri.',
  unsupported_group:
    'Sono supportati solo i gruppi di sicurezza: mailEnabled deve essere false e securityEnabled true.',
  bad_reference:
    '@odata.id deve indicare un utente o un gruppo (…/directoryObjects/{id}, …/users/{id} o …/groups/{id}).',
  product_in_use: '{name} è acquistato da {count} sottoscrizioni: ritiralo invece di eliminarlo.',
  product_name_taken: 'Esiste già un prodotto del marketplace di nome {name}.',
  partner_suspended: '{name} è sospeso.',
  user_deleted: '{email} è stato eliminato.',
  csv_invalid: 'Il file CSV non è valido: {detail}',
  csv_rows_invalid: '{count} righe hanno problemi; non è stato modificato nulla.',
  email_invalid: 'Non è un indirizzo email: {value}.',
  date_invalid: '{field} deve essere una data (AAAA-MM-GG); ricevuto {value}.',
  reference_required:
    "Il diritto di supporto richiede un riferimento (id dell'accordo, del contratto o del piano).",
}

const FALLBACK_KEY: Record<number, MessageKey> = {
  400: 'error.validation',
  404: 'error.not_found',
  409: 'error.validation',
  410: 'error.validation',
}

/** A refused directory call: a stable code, its message from this component's own catalog. */
export class DirectoryError extends CatalogError<DirectoryProblem> {
  constructor(
    status: number,
    problem: DirectoryProblem,
    detail: Record<string, string> = {},
    details?: unknown,
  ) {
    super(status, problem, { it, en }, FALLBACK_KEY[status] ?? 'error.forbidden', detail, details)
  }
}

export const directoryText = (
  locale: Locale,
  problem: DirectoryProblem,
  detail: Record<string, string> = {},
) => new DirectoryError(400, problem, detail).localize(locale).message
