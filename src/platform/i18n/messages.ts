/**
 * Server-side messages (errors, refusals, CLI), in English and Italian. The Italian catalog is
 * typed against the English one, so a missing translation fails the type check.
 */
export const en = {
  'error.validation': 'The request is not valid: {detail}',
  'error.bad_json': 'The request body is not valid JSON.',
  'error.invalid_cursor':
    'The cursor is not one this list returned (ask for the first page again, with the same sort).',
  'error.body_too_large': 'The request body is larger than the server accepts ({limit} bytes).',
  'error.unsupported_media_type': 'The request body must be sent as {expected}.',
  'error.not_found': 'The requested resource does not exist.',
  'error.route_not_found': 'There is no {method} {url} on this server.',
  'error.method_not_allowed': 'This resource does not accept {method}.',
  'error.unauthenticated': 'Sign in or send a valid bearer token.',
  'error.invalid_token': 'The bearer token is not valid or has expired.',
  'error.invalid_credentials': 'The email address or the password is not correct.',
  'error.rate_limited': 'Too many attempts. Try again in {seconds} seconds.',
  'error.server_busy': 'The server is busy right now. Try again in {seconds} seconds.',
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
  'error.request_closed_change': 'The request is closed: reopen it before changing it.',
  'error.status_move_not_allowed':
    'Only whoever works the request can ask for information (attention needed); answer with a note instead.',
  'error.severity_raise_by_responder':
    'The severity states the business impact: only the side that filed the request may raise it.',
  'error.critical_needs_phone':
    'A critical request is worked around the clock: add a phone number to the contact before choosing critical.',
  'error.internal_notes_responder_only': 'Only whoever works the request can write internal notes.',
  'error.assignment_vendor_only': 'Only {handler}’s support engineers assign requests.',
  'error.onlooker_cannot_change': 'You can read this request, but not change it.',
  'error.answer_by_addressee_only':
    'The information was asked of {requester}: the person who filed the request or its contact answers it. You can read the request meanwhile.',
  'error.invalid_assignee':
    '{user} cannot be assigned this request: choose one of the people of {tenant} who work requests.',
  'error.assignment_responder_only': 'Only {handler}, who works this request, assigns it.',
  'error.bulk_duplicate': 'Request {request} is listed more than once.',
  'error.bulk_interrupted': 'Not attempted: an earlier request of the batch failed unexpectedly. Try again.',
  'error.precondition_required':
    'Send If-Match with the ETag you read, so that a change made in the meantime is not overwritten.',
  'error.idempotency_key_reused':
    'The Idempotency-Key {key} was already used for a different request; use a new key for a new request.',
  'error.attachment_too_large': 'The file is larger than {limit} bytes.',
  'error.attachment_type':
    'Files of type {type} cannot be attached. Allowed: images, PDF, text, logs, CSV, JSON, XML, HAR and ZIP.',
  'error.attachment_content_mismatch': 'The content of {file} does not match its type {type}.',
  'error.attachment_empty': 'The upload holds no file.',
  'error.too_many_attachments': 'A request holds at most {limit} attachments.',
  'error.tenant_suspended':
    'The organization {tenant} is suspended: its users cannot sign in or use tokens until {vendor} reactivates it.',
  'error.escalation_other_customer':
    'Request {request} is {customer}’s: an escalation to the vendor is filed for the same customer.',
  'error.escalation_to_vendor_only':
    'An escalation of {request} goes to the vendor’s support desk: file it without handledBy=partner.',
} as const

export type MessageKey = keyof typeof en

export const it: Record<MessageKey, string> = {
  'error.validation': 'La richiesta non è valida: {detail}',
  'error.invalid_cursor':
    'Il cursore non è uno di quelli restituiti da questo elenco (richiedi di nuovo la prima pagina, con lo stesso ordinamento).',
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
  'error.server_busy': 'Il server è occupato in questo momento. Riprova tra {seconds} secondi.',
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
  'error.request_closed_change': 'La richiesta è chiusa: riaprila prima di modificarla.',
  'error.status_move_not_allowed':
    'Solo chi lavora la richiesta può chiedere informazioni (attenzione richiesta): rispondi con una nota.',
  'error.severity_raise_by_responder':
    "La gravità esprime l'impatto sul business: solo chi ha aperto la richiesta può alzarla.",
  'error.critical_needs_phone':
    'Una richiesta critica viene lavorata 24 ore su 24: aggiungi un numero di telefono al contatto prima di sceglierla.',
  'error.internal_notes_responder_only': 'Solo chi lavora la richiesta può scrivere note interne.',
  'error.assignment_vendor_only': 'Solo i tecnici di supporto di {handler} assegnano le richieste.',
  'error.onlooker_cannot_change': 'Puoi leggere questa richiesta, ma non modificarla.',
  'error.answer_by_addressee_only':
    'Le informazioni sono state chieste a {requester}: risponde chi ha aperto la richiesta o il suo referente. Nel frattempo puoi leggere la richiesta.',
  'error.invalid_assignee':
    'Non si può assegnare la richiesta a {user}: scegli una delle persone di {tenant} che lavorano le richieste.',
  'error.assignment_responder_only': 'Solo {handler}, che lavora questa richiesta, la assegna.',
  'error.bulk_duplicate': 'La richiesta {request} compare più di una volta.',
  'error.bulk_interrupted':
    'Non eseguita: una richiesta precedente del gruppo ha avuto un errore imprevisto. Riprova.',
  'error.precondition_required':
    "Invia If-Match con l'ETag letto, così una modifica fatta nel frattempo non viene sovrascritta.",
  'error.idempotency_key_reused':
    "L'Idempotency-Key {key} è già stata usata per una richiesta diversa: usa una chiave nuova per una nuova richiesta.",
  'error.attachment_too_large': 'Il file supera {limit} byte.',
  'error.attachment_type':
    'Non si possono allegare file di tipo {type}. Ammessi: immagini, PDF, testo, log, CSV, JSON, XML, HAR e ZIP.',
  'error.attachment_content_mismatch': 'Il contenuto di {file} non corrisponde al tipo {type}.',
  'error.attachment_empty': 'Il caricamento non contiene alcun file.',
  'error.too_many_attachments': 'Una richiesta può contenere al massimo {limit} allegati.',
  'error.tenant_suspended':
    "L'organizzazione {tenant} è sospesa: i suoi utenti non possono accedere né usare token finché {vendor} non la riattiva.",
  'error.escalation_other_customer':
    "La richiesta {request} è di {customer}: l'inoltro si apre per lo stesso cliente.",
  'error.escalation_to_vendor_only':
    "L'inoltro di {request} va al supporto di chi fornisce il servizio: aprilo senza handledBy=partner.",
}
