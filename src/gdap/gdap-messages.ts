import type { Locale } from '../platform/i18n/i18n.ts'

/** Why a GDAP change was refused, in English and Italian; keys are the problem codes. */
const en: Record<string, string> = {
  invalid_duration: 'The duration must be an ISO 8601 duration from P1D to P730D (two years).',
  invalid_auto_extend: 'autoExtendDuration must be PT0S, P0D or P180D.',
  auto_extend_with_global_admin:
    'A relationship that includes Global Administrator cannot be extended automatically.',
  no_roles: 'Choose at least one role.',
  unknown_role: 'One of the roles is not a Microsoft Entra built-in role template that GDAP can grant.',
  not_editable: 'The relationship can be changed only while it is in the created state.',
  only_auto_extend_while_active: 'While a relationship is active, only its auto-extend setting can change.',
  action_not_allowed: 'The action {action} is not possible while the relationship is {status}.',
  not_deletable:
    'Only a relationship that has not been sent for approval can be deleted; end an active one with terminate.',
  display_name_invalid: 'The display name must have 1 to 50 characters.',
  display_name_taken: 'Another relationship of your organization already has this display name.',
  unknown_customer: 'There is no customer tenant {customer}.',
  own_context_required: 'GDAP relationships are managed in your own tenant’s context, not in a customer’s.',
  gdap_not_allowed: 'Only partner staff and customer administrators use GDAP relationships.',
  admin_agent_required: 'Only admin agents manage GDAP relationships.',
  precondition_failed:
    'The resource was changed in the meantime: read it again and send its current ETag in If-Match.',
  precondition_required: 'This change needs an If-Match header with the resource’s ETag.',
  relationship_not_active:
    'Security groups can be assigned only while the relationship is active (it is {status}).',
  roles_not_in_relationship: 'An assignment can give only roles the relationship grants (not: {roles}).',
  unknown_group: 'There is no security group {group} in your organization.',
  group_already_assigned: 'This security group is already assigned in the relationship.',
  assignment_not_active: 'Only an active assignment can be changed (it is {status}).',
  assignment_already_deleted: 'The assignment is already deleted or being deleted.',
  invalid_filter: 'The $filter is not supported: {detail}.',
  not_found: 'The requested resource does not exist.',
}

const it: Record<keyof typeof en, string> = {
  invalid_duration: 'La durata deve essere una durata ISO 8601 da P1D a P730D (due anni).',
  invalid_auto_extend: 'autoExtendDuration deve essere PT0S, P0D o P180D.',
  auto_extend_with_global_admin:
    'Una relazione che include Amministratore globale non può essere rinnovata automaticamente.',
  no_roles: 'Scegli almeno un ruolo.',
  unknown_role:
    'Uno dei ruoli non è un modello di ruolo predefinito di Microsoft Entra concedibile con GDAP.',
  not_editable: 'La relazione si può modificare solo nello stato creato.',
  only_auto_extend_while_active:
    'Mentre una relazione è attiva si può modificare solo il rinnovo automatico.',
  action_not_allowed: "L'azione {action} non è possibile mentre la relazione è {status}.",
  not_deletable:
    "Si può eliminare solo una relazione non ancora inviata per l'approvazione; una relazione attiva si chiude con terminate.",
  display_name_invalid: 'Il nome visualizzato deve avere da 1 a 50 caratteri.',
  display_name_taken: 'Un’altra relazione della tua organizzazione ha già questo nome visualizzato.',
  unknown_customer: 'Non esiste il tenant cliente {customer}.',
  own_context_required:
    'Le relazioni GDAP si gestiscono nel contesto del tuo tenant, non in quello di un cliente.',
  gdap_not_allowed: 'Solo il personale dei partner e gli amministratori dei clienti usano le relazioni GDAP.',
  admin_agent_required: 'Solo gli agenti amministratori gestiscono le relazioni GDAP.',
  precondition_failed:
    "La risorsa è stata modificata nel frattempo: rileggila e invia l'ETag attuale in If-Match.",
  precondition_required: "Questa modifica richiede l'intestazione If-Match con l'ETag della risorsa.",
  relationship_not_active:
    'I gruppi di sicurezza si assegnano solo mentre la relazione è attiva (è {status}).',
  roles_not_in_relationship: 'Un’assegnazione può dare solo ruoli concessi dalla relazione (non: {roles}).',
  unknown_group: 'Non esiste il gruppo di sicurezza {group} nella tua organizzazione.',
  group_already_assigned: 'Questo gruppo di sicurezza è già assegnato nella relazione.',
  assignment_not_active: 'Si può modificare solo un’assegnazione attiva (è {status}).',
  assignment_already_deleted: 'L’assegnazione è già eliminata o in eliminazione.',
  invalid_filter: 'Il $filter non è supportato: {detail}.',
  not_found: 'La risorsa richiesta non esiste.',
}

export function gdapMessage(code: string, params: Record<string, string>, locale: Locale): string {
  const template = (locale === 'it' ? it : en)[code] ?? code
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}
