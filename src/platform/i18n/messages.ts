/**
 * Server-side messages (errors, refusals, CLI), in English and Italian. The Italian catalog is
 * typed against the English one, so a missing translation fails the type check.
 */
export const en = {
  'error.validation': 'The request is not valid: {detail}',
  'error.bad_json': 'The request body is not valid JSON.',
  'error.body_too_large': 'The request body is larger than the server accepts ({limit} bytes).',
  'error.unsupported_media_type': 'The request body must be sent as {expected}.',
  'error.not_found': 'The requested resource does not exist.',
  'error.route_not_found': 'There is no {method} {url} on this server.',
  'error.method_not_allowed': 'This resource does not accept {method}.',
  'error.unauthenticated': 'Sign in or send a valid bearer token.',
  'error.invalid_token': 'The bearer token is not valid or has expired.',
  'error.invalid_credentials': 'The email address or the password is not correct.',
  'error.rate_limited': 'Too many attempts. Try again in {seconds} seconds.',
  'error.csrf': 'The request is missing its anti-forgery token; reload the page and try again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.partner_only': 'Only users of a partner tenant can use this API.',
  'error.no_delegated_access':
    '{user} has no active GDAP role in tenant {tenant}: a token for that tenant needs an active GDAP relationship whose active access assignment gives a role to a security group of the user.',
  'error.unknown_user': 'There is no user {user}.',
  'error.unknown_tenant': 'There is no tenant {tenant}.',
  'error.internal': 'Something went wrong on the server. The request id is {requestId}.',
  'error.unavailable': 'The service is not ready yet.',
  'error.policy_refused': 'The support policy refuses this.',
  'error.request_closed': 'The request is closed: reopen it before adding notes.',
  'error.version_conflict':
    'The request was changed by someone else in the meantime; reload it and try again.',
  'error.invalid_contact':
    'The contact must be a person of {tenant}: requests filed on behalf of customers carry the partner’s contact details, never the customer’s.',
  'error.unknown_subscription': 'There is no subscription {subscription} for this tenant.',
  'error.unknown_topic': 'There is no support topic {topic} for {workload}.',
  'error.already_in_status': 'The request is already {status}.',
  'error.unknown_incident':
    'There is no active incident {incident} for this tenant and workload to link the request to.',
} as const

export type MessageKey = keyof typeof en

export const it: Record<MessageKey, string> = {
  'error.validation': 'La richiesta non è valida: {detail}',
  'error.bad_json': 'Il corpo della richiesta non è un JSON valido.',
  'error.body_too_large':
    'Il corpo della richiesta supera la dimensione accettata dal server ({limit} byte).',
  'error.unsupported_media_type': 'Il corpo della richiesta deve essere inviato come {expected}.',
  'error.not_found': 'La risorsa richiesta non esiste.',
  'error.route_not_found': 'Su questo server non esiste {method} {url}.',
  'error.method_not_allowed': 'Questa risorsa non accetta {method}.',
  'error.unauthenticated': 'Accedi oppure invia un token bearer valido.',
  'error.invalid_token': 'Il token bearer non è valido o è scaduto.',
  'error.invalid_credentials': "L'indirizzo email o la password non sono corretti.",
  'error.rate_limited': 'Troppi tentativi. Riprova tra {seconds} secondi.',
  'error.csrf': 'Manca il token anti-contraffazione della richiesta: ricarica la pagina e riprova.',
  'error.forbidden': 'Non hai il permesso di eseguire questa operazione.',
  'error.partner_only': 'Solo gli utenti di un tenant partner possono usare questa API.',
  'error.no_delegated_access':
    "{user} non ha un ruolo GDAP attivo nel tenant {tenant}: un token per quel tenant richiede una relazione GDAP attiva la cui assegnazione di accesso attiva dia un ruolo a un gruppo di sicurezza dell'utente.",
  'error.unknown_user': "Non esiste l'utente {user}.",
  'error.unknown_tenant': 'Non esiste il tenant {tenant}.',
  'error.internal': 'Si è verificato un errore sul server. Id della richiesta: {requestId}.',
  'error.unavailable': 'Il servizio non è ancora pronto.',
  'error.policy_refused': 'Il criterio di supporto non lo consente.',
  'error.request_closed': 'La richiesta è chiusa: riaprila prima di aggiungere note.',
  'error.version_conflict':
    'Nel frattempo la richiesta è stata modificata da qualcun altro: ricaricala e riprova.',
  'error.invalid_contact':
    'Il contatto deve essere una persona di {tenant}: le richieste per conto dei clienti riportano i dati di contatto del partner, mai quelli del cliente.',
  'error.unknown_subscription': 'Non esiste la sottoscrizione {subscription} per questo tenant.',
  'error.unknown_topic': 'Non esiste la categoria di supporto {topic} per {workload}.',
  'error.already_in_status': 'La richiesta è già {status}.',
  'error.unknown_incident':
    'Non esiste un evento imprevisto attivo {incident} per questo tenant e carico di lavoro a cui collegare la richiesta.',
}
