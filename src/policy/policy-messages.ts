import { WORKLOADS } from '../catalog/catalog.ts'
import { localEntraRoleName } from '../catalog/entra-role-names.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { Decision } from './support-policy.ts'

/**
 * What each decision says to the user — why, and what to do — in English and Italian.
 * Keys are the policy's reason codes; `{name}` is filled from the decision's params.
 */
type Text = { message: string; remedy?: string }
type Catalog = Record<string, Text>

const en: Catalog = {
  vendor_staff_do_not_file: {
    message: '{vendor}’s support engineers work requests; they do not file them on behalf of customers.',
  },
  customers_file_for_themselves: {
    message: 'A customer administrator files requests for their own tenant only.',
  },
  not_found: { message: 'The request does not exist.' },
  marketplace_isv_support: {
    message:
      '{vendor} gives no support for commercial-marketplace products: {product} is supported by its publisher, {isv}.',
    remedy: 'Contact {isv} support: {contacts}.',
  },
  workload_portal_is_own_context: {
    message:
      'A workload portal opened directly works in your own tenant, not in {customer}’s: that path is only for your own subscriptions.',
    remedy: 'Start from the partner portal: Customers → {customer} → Service requests → New request.',
  },
  no_azure_subscription: {
    message:
      '{customer} has no active Azure subscription: an Azure support request is opened for a subscription, and the permission to open it (Azure RBAC) is given on that subscription.',
    remedy:
      'If the problem is with another service, choose that workload. If {customer} needs Azure, its CSP provider first creates an Azure subscription for it (and becomes the one who can file).',
  },
  azure_subscription_unavailable: {
    message:
      'The subscription {subscription} is not an active Azure subscription of {customer}: an Azure support request is opened for an active Azure subscription.',
    remedy: 'Choose one of {customer}’s active Azure subscriptions, or another workload.',
  },
  azure_bought_direct: {
    message:
      'The Azure subscription {subscription} was bought directly from {vendor}: no CSP partner provides it.',
    remedy: '{customer}’s administrator opens Azure requests with {vendor} directly.',
  },
  reseller_not_provider: {
    message:
      'Indirect resellers cannot open Azure support requests for a customer, even with a support contract: only the subscription’s provider can.',
    remedy: 'Ask the provider of {subscription}, {provider}, to open the request.',
  },
  advisor_not_provider: {
    message:
      'Advisors cannot open Azure support requests for a customer: only the Azure subscription’s provider can.',
    remedy: 'Ask the subscription’s provider, or {customer}’s administrator, to open the request.',
  },
  not_the_provider: {
    message:
      'Only the provider of the Azure subscription {subscription} ({provider}) can open Azure requests for it.',
    remedy: 'Ask {provider} to open the request.',
  },
  not_admin_agent: {
    message: 'Only users with the Admin agent role can file service requests on behalf of customers.',
    remedy: 'Ask a global administrator of {partner} to give you the Admin agent role.',
  },
  gdap_none: {
    message: 'There is no GDAP relationship between your organization and {customer}.',
    remedy:
      'Ask {customer}’s administrator to approve a GDAP relationship with the Service Support Administrator role.',
  },
  gdap_expired: {
    message:
      'The GDAP relationship “{relationship}” with {customer} expired on {date}: it no longer gives any role.',
    remedy:
      'Ask {customer}’s administrator to approve a new GDAP relationship with the Service Support Administrator role.',
  },
  gdap_terminated: {
    message: 'The GDAP relationship “{relationship}” with {customer} has been terminated.',
    remedy:
      'Ask {customer}’s administrator to approve a new GDAP relationship with the Service Support Administrator role.',
  },
  gdap_not_active: {
    message: 'The GDAP relationship “{relationship}” with {customer} is not active yet (status: {status}).',
    remedy: 'Wait for {customer}’s administrator to approve it, then assign a security group to it.',
  },
  gdap_not_assigned: {
    message:
      'The GDAP relationship “{relationship}” with {customer} is active, but none of your security groups is assigned to it.',
    remedy:
      'Ask an admin agent to add a security group you belong to, with Service Support Administrator, to the relationship.',
  },
  gdap_role_insufficient: {
    message:
      'Your GDAP roles in {customer} ({roles}) do not include the permission to open Office 365, EMS or Dynamics support requests.',
    remedy:
      'Ask for Service Support Administrator (the least-privileged role for support) in the relationship and its assignment.',
  },
  gdap_no_role_in_tenant: {
    message:
      'None of the roles assigned to your groups ({roles}) is one the GDAP relationship with {customer} grants: nothing opens the customer’s tenant to you.',
    remedy:
      'Ask an admin agent to assign one of the relationship’s roles to a group you belong to; for Azure, Directory Readers is enough.',
  },
  azure_rbac_missing: {
    message:
      'GDAP opens {customer}’s tenant to you ({role}), but no Azure role on the subscription {subscription} allows Microsoft.Support/supportTickets/write.',
    remedy:
      'Ask the subscription’s owner to give your Admin Agents group Owner, Contributor or Support Request Contributor.',
  },
  csp_plan_required: {
    message: 'Requests on behalf of {customer} must use the Cloud Solution Provider support plan.',
    remedy: 'Choose “Cloud Solution Provider” as the support plan and enter your own contact details.',
  },
  provider_billing_path: {
    message:
      'As the provider of {subscription}, you may open billing and subscription-management requests for it without admin permissions in {customer}.',
  },
  delegated_azure: {
    message:
      'You may open an Azure support request for {customer} in the Azure portal, in the customer’s tenant: GDAP opens the tenant to you ({role}), and {rbacRole} on {subscription} allows the ticket.',
  },
  delegated_m365: {
    message:
      'You may open a support request for {customer} in the Microsoft 365 admin center, in the customer’s tenant, as {role}.',
  },
  no_own_subscription: {
    message: 'Your organization has no active {workload} subscription of its own.',
    remedy:
      'For a customer’s subscription, start from the partner portal: Customers → customer → New request.',
  },
  csp_not_for_own: {
    message: 'The CSP support entitlement does not cover your own subscriptions.',
    remedy: 'Use your partner program agreement ID, a Premier contract or an Azure support plan.',
  },
  no_entitlement: {
    message:
      'A request about your own subscriptions needs a valid support entitlement, and your profile has none.',
    remedy:
      'Add your partner program agreement ID, a Premier contract or an Azure support plan to your profile.',
  },
  entitlement_not_covering: {
    message: 'None of your valid support entitlements covers {workload}.',
    remedy: 'Add an entitlement that covers {workload} (partner program agreement ID or Premier contract).',
  },
  entitlement_not_valid: {
    message:
      'The support entitlement you chose is not in your profile, is not in a valid format, or has expired.',
    remedy: 'Choose one of the valid entitlements in your profile.',
  },
  own_with_entitlement: {
    message:
      'You may open a support request for {workload} on your own subscription, in your own context, under “{entitlement}”.',
  },
  not_customer_admin: {
    message: 'Only your organization’s administrators can open support requests.',
    remedy: 'Ask a global administrator of your organization.',
  },
  no_partner: {
    message: 'Your organization has no CSP partner to contact.',
    remedy: 'Open the request with {vendor}.',
  },
  contact_partner: { message: 'Your request goes to your partner, {partner}, who supports you.' },
  no_subscription: {
    message: 'Your organization has no active subscription to open a request about.',
    remedy: 'Contact your partner.',
  },
  trial_partner_only: {
    message: 'With trial subscriptions only, your support comes from your CSP partner, {partner}.',
    remedy: 'Contact {partner}: your request goes to their inbox.',
  },
  paid_vendor_or_partner: {
    message: 'With paid subscriptions you may open a request with {vendor}, or contact your partner.',
  },
  vendor_desk: { message: '{vendor}’s support engineers work every request.' },
  customer_own_requests: { message: 'Requests about your own tenant.' },
  partner_requests: { message: 'Requests of your organization.' },
  partner_may_follow: { message: 'You may follow this request for {customer}.' },
}

const it: Record<keyof typeof en, Text> = {
  vendor_staff_do_not_file: {
    message: 'I tecnici del supporto di {vendor} lavorano le richieste; non le aprono per conto dei clienti.',
  },
  customers_file_for_themselves: {
    message: "L'amministratore di un cliente apre richieste solo per il proprio tenant.",
  },
  not_found: { message: 'La richiesta non esiste.' },
  marketplace_isv_support: {
    message:
      '{vendor} non offre supporto per i prodotti del marketplace commerciale: {product} è supportato dal suo editore, {isv}.',
    remedy: 'Contatta il supporto di {isv}: {contacts}.',
  },
  workload_portal_is_own_context: {
    message:
      'Un portale del carico di lavoro aperto direttamente opera nel tuo tenant, non in quello di {customer}: quel percorso è solo per le tue sottoscrizioni.',
    remedy: 'Parti dal portale partner: Clienti → {customer} → Richieste di servizio → Nuova richiesta.',
  },
  no_azure_subscription: {
    message:
      '{customer} non ha una sottoscrizione Azure attiva: una richiesta di supporto Azure si apre per una sottoscrizione, e il permesso di aprirla (il controllo di accesso Azure) è dato su quella sottoscrizione.',
    remedy:
      'Se il problema riguarda un altro servizio, scegli quel carico di lavoro. Se {customer} ha bisogno di Azure, il suo provider CSP crea prima una sottoscrizione Azure (e sarà lui a poter aprire le richieste).',
  },
  azure_subscription_unavailable: {
    message:
      'La sottoscrizione {subscription} non è una sottoscrizione Azure attiva di {customer}: una richiesta di supporto Azure si apre per una sottoscrizione Azure attiva.',
    remedy: 'Scegli una delle sottoscrizioni Azure attive di {customer}, o un altro carico di lavoro.',
  },
  azure_bought_direct: {
    message:
      'La sottoscrizione Azure {subscription} è stata acquistata direttamente da {vendor}: nessun partner CSP la fornisce.',
    remedy: "L'amministratore di {customer} apre le richieste Azure direttamente con {vendor}.",
  },
  reseller_not_provider: {
    message:
      'I rivenditori indiretti non possono aprire richieste di supporto Azure per un cliente, neanche con un contratto di supporto: può farlo solo il provider della sottoscrizione.',
    remedy: 'Chiedi al provider di {subscription}, {provider}, di aprire la richiesta.',
  },
  advisor_not_provider: {
    message:
      'Gli advisor non possono aprire richieste di supporto Azure per un cliente: può farlo solo il provider della sottoscrizione Azure.',
    remedy:
      "Chiedi al provider della sottoscrizione, o all'amministratore di {customer}, di aprire la richiesta.",
  },
  not_the_provider: {
    message:
      'Solo il provider della sottoscrizione Azure {subscription} ({provider}) può aprire richieste Azure per essa.',
    remedy: 'Chiedi a {provider} di aprire la richiesta.',
  },
  not_admin_agent: {
    message:
      'Solo gli utenti con il ruolo Agente amministratore possono aprire richieste di servizio per conto dei clienti.',
    remedy: 'Chiedi a un amministratore globale di {partner} di assegnarti il ruolo Agente amministratore.',
  },
  gdap_none: {
    message: 'Non esiste una relazione GDAP tra la tua organizzazione e {customer}.',
    remedy:
      "Chiedi all'amministratore di {customer} di approvare una relazione GDAP con il ruolo Amministratore del supporto servizi.",
  },
  gdap_expired: {
    message: 'La relazione GDAP “{relationship}” con {customer} è scaduta il {date}: non dà più alcun ruolo.',
    remedy:
      "Chiedi all'amministratore di {customer} di approvare una nuova relazione GDAP con il ruolo Amministratore del supporto servizi.",
  },
  gdap_terminated: {
    message: 'La relazione GDAP “{relationship}” con {customer} è stata terminata.',
    remedy:
      "Chiedi all'amministratore di {customer} di approvare una nuova relazione GDAP con il ruolo Amministratore del supporto servizi.",
  },
  gdap_not_active: {
    message: 'La relazione GDAP “{relationship}” con {customer} non è ancora attiva (stato: {status}).',
    remedy: "Attendi l'approvazione dell'amministratore di {customer}, poi assegnale un gruppo di sicurezza.",
  },
  gdap_not_assigned: {
    message:
      'La relazione GDAP “{relationship}” con {customer} è attiva, ma nessuno dei tuoi gruppi di sicurezza vi è assegnato.',
    remedy:
      'Chiedi a un agente amministratore di assegnare alla relazione un gruppo di cui fai parte, con Amministratore del supporto servizi.',
  },
  gdap_role_insufficient: {
    message:
      'I tuoi ruoli GDAP in {customer} ({roles}) non comprendono il permesso di aprire richieste di servizio per Office 365, EMS o Dynamics.',
    remedy:
      'Chiedi il ruolo Amministratore del supporto servizi (il meno privilegiato per il supporto) nella relazione e nella sua assegnazione.',
  },
  gdap_no_role_in_tenant: {
    message:
      'Nessuno dei ruoli assegnati ai tuoi gruppi ({roles}) è tra quelli concessi dalla relazione GDAP con {customer}: nulla ti apre il tenant del cliente.',
    remedy:
      'Chiedi a un agente amministratore di assegnare uno dei ruoli della relazione a un gruppo di cui fai parte; per Azure basta Lettori della directory.',
  },
  azure_rbac_missing: {
    message:
      'GDAP ti apre il tenant di {customer} ({role}), ma nessun ruolo Azure sulla sottoscrizione {subscription} consente Microsoft.Support/supportTickets/write.',
    remedy:
      'Chiedi al proprietario della sottoscrizione di dare al tuo gruppo Admin Agents il ruolo Proprietario, Collaboratore o Collaboratore richieste di supporto.',
  },
  csp_plan_required: {
    message:
      'Le richieste per conto di {customer} devono usare il piano di supporto Cloud Solution Provider.',
    remedy: 'Scegli “Cloud Solution Provider” come piano di supporto e inserisci i tuoi dati di contatto.',
  },
  provider_billing_path: {
    message:
      'Come provider di {subscription}, puoi aprire richieste di fatturazione e di gestione della sottoscrizione anche senza autorizzazioni amministrative in {customer}.',
  },
  delegated_azure: {
    message:
      'Puoi aprire una richiesta di supporto Azure per {customer} nel portale di Azure, nel tenant del cliente: GDAP ti apre il tenant ({role}) e {rbacRole} su {subscription} consente il ticket.',
  },
  delegated_m365: {
    message:
      "Puoi aprire una richiesta di servizio per {customer} nell'interfaccia di amministrazione di Microsoft 365, nel tenant del cliente, come {role}.",
  },
  no_own_subscription: {
    message: 'La tua organizzazione non ha una propria sottoscrizione {workload} attiva.',
    remedy:
      'Per la sottoscrizione di un cliente, parti dal portale partner: Clienti → cliente → Nuova richiesta.',
  },
  csp_not_for_own: {
    message: 'Il diritto al supporto CSP non copre le tue sottoscrizioni.',
    remedy:
      "Usa l'ID del contratto del programma partner, un contratto Premier o un piano di supporto Azure.",
  },
  no_entitlement: {
    message:
      'Una richiesta sulle tue sottoscrizioni richiede un diritto al supporto valido, e il tuo profilo non ne ha.',
    remedy:
      "Aggiungi al profilo l'ID del contratto del programma partner, un contratto Premier o un piano di supporto Azure.",
  },
  entitlement_not_covering: {
    message: 'Nessuno dei tuoi diritti al supporto validi copre {workload}.',
    remedy:
      'Aggiungi un diritto che copra {workload} (ID del contratto del programma partner o contratto Premier).',
  },
  entitlement_not_valid: {
    message: 'Il diritto al supporto scelto non è nel tuo profilo, non ha un formato valido o è scaduto.',
    remedy: 'Scegli uno dei diritti validi del tuo profilo.',
  },
  own_with_entitlement: {
    message:
      'Puoi aprire una richiesta {workload} per la tua sottoscrizione, nel tuo contesto, con “{entitlement}”.',
  },
  not_customer_admin: {
    message: 'Solo gli amministratori della tua organizzazione possono aprire richieste di servizio.',
    remedy: 'Rivolgiti a un amministratore globale della tua organizzazione.',
  },
  no_partner: {
    message: 'La tua organizzazione non ha un partner CSP da contattare.',
    remedy: 'Apri la richiesta con {vendor}.',
  },
  contact_partner: { message: 'La richiesta va al tuo partner, {partner}, che ti offre supporto.' },
  no_subscription: {
    message: 'La tua organizzazione non ha sottoscrizioni attive per cui aprire una richiesta.',
    remedy: 'Contatta il tuo partner.',
  },
  trial_partner_only: {
    message: 'Con sole sottoscrizioni di prova, il supporto ti viene dal tuo partner CSP, {partner}.',
    remedy: 'Contatta {partner}: la richiesta arriva nella sua casella.',
  },
  paid_vendor_or_partner: {
    message:
      'Con sottoscrizioni a pagamento puoi aprire una richiesta con {vendor} o contattare il tuo partner.',
  },
  vendor_desk: { message: 'I tecnici del supporto di {vendor} lavorano tutte le richieste.' },
  customer_own_requests: { message: 'Richieste relative al tuo tenant.' },
  partner_requests: { message: 'Richieste della tua organizzazione.' },
  partner_may_follow: { message: 'Puoi seguire questa richiesta per {customer}.' },
}

const catalogs: Record<Locale, Catalog> = { en, it }

/** The verification steps of the New request flow (R3), as the user reads them. */
const CHECK_LABELS: Record<Locale, Record<string, string>> = {
  en: {
    admin_agent_role: 'You hold the Admin agent role',
    active_gdap_relationship: 'An active GDAP relationship with the customer',
    group_assignment: 'One of your security groups is assigned to it',
    gdap_role_for_support: 'The assigned role can open support requests',
    gdap_role_opens_tenant: 'A role assigned to your group opens the customer’s tenant',
    azure_rbac_support_write: 'Azure RBAC on the subscription allows supportTickets/write',
    csp_plan_and_partner_contact: 'Cloud Solution Provider plan, with your contact details',
  },
  it: {
    admin_agent_role: 'Hai il ruolo Agente amministratore',
    active_gdap_relationship: 'Una relazione GDAP attiva con il cliente',
    group_assignment: 'Uno dei tuoi gruppi di sicurezza vi è assegnato',
    gdap_role_for_support: 'Il ruolo assegnato consente di aprire richieste di servizio',
    gdap_role_opens_tenant: 'Un ruolo assegnato al tuo gruppo apre il tenant del cliente',
    azure_rbac_support_write:
      'Il controllo di accesso Azure sulla sottoscrizione consente supportTickets/write',
    csp_plan_and_partner_contact: 'Piano Cloud Solution Provider, con i tuoi dati di contatto',
  },
}

export function checkLabel(check: string, locale: Locale): string {
  return CHECK_LABELS[locale][check] ?? check
}

export const POLICY_REASONS = Object.keys(en)

function fill(template: string, params: Record<string, string>): string {
  return (
    template
      .replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
      // a name ending in a full stop (“S.r.l.”) at the end of a sentence does not take a second one
      .replace(/\.\.(?=\s|$)/g, '.')
  )
}

function isvContacts(decision: Decision, locale: Locale): string {
  const isv = decision.isv
  if (!isv) return ''
  const labels =
    locale === 'it'
      ? { web: 'sito', email: 'email', phone: 'telefono' }
      : { web: 'website', email: 'email', phone: 'phone' }
  return [
    isv.supportUrl && `${labels.web} ${isv.supportUrl}`,
    isv.supportEmail && `${labels.email} ${isv.supportEmail}`,
    isv.supportPhone && `${labels.phone} ${isv.supportPhone}`,
  ]
    .filter(Boolean)
    .join(', ')
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A date in a sentence as the portal shows dates on the same page ("4 dic 2026", "Dec 4, 2026"). */
function sentenceDate(iso: string, locale: Locale): string {
  if (!ISO_DATE.test(iso)) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))
}

/** The decision's message and remedy in the caller's language. */
export function describeDecision(
  decision: Decision,
  locale: Locale,
  /** The vendor's name the messages use ("Contoso Cloud"); Tramite's when unknown. */
  vendor?: string | null,
): { message: string; remedy: string | null } {
  const text = catalogs[locale][decision.reason] ?? { message: decision.reason }
  const workload = WORKLOADS.find((w) => w.id === decision.params.workload)
  const params = {
    ...decision.params,
    ...(workload ? { workload: locale === 'it' ? workload.name_it : workload.name_en } : {}),
    ...(decision.params.date ? { date: sentenceDate(decision.params.date, locale) } : {}),
    // Entra roles by the names the caller's admin center shows (the Italian ones in Italian)
    ...(decision.params.role ? { role: localEntraRoleName({ name: decision.params.role }, locale) } : {}),
    ...(decision.params.roles
      ? {
          roles: decision.params.roles
            .split(', ')
            .map((name) => localEntraRoleName({ name }, locale))
            .join(', '),
        }
      : {}),
    contacts: isvContacts(decision, locale),
    vendor: vendor || 'Tramite',
  }
  return { message: fill(text.message, params), remedy: text.remedy ? fill(text.remedy, params) : null }
}
