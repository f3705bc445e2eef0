/**
 * The Microsoft Entra roles Tramite knows, by role template id, with the name each admin center
 * shows in English and in Italian (the Italian Entra admin center's names). The Graph wire format
 * keeps the English `displayName`; the portal and the Italian messages name a role this way, so
 * every Italian page names it the same. Pure data: the portal imports it too.
 */
export const ENTRA_ROLE_NAMES: Record<string, { en: string; it: string }> = {
  '62e90394-69f5-4237-9190-012177145e10': { en: 'Global Administrator', it: 'Amministratore globale' },
  'f023fd81-a637-4b56-95fd-791ac0226033': {
    en: 'Service Support Administrator',
    it: 'Amministratore del supporto servizi',
  },
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': {
    en: 'Helpdesk Administrator',
    it: 'Amministratore del supporto tecnico',
  },
  '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': { en: 'Directory Readers', it: 'Lettori della directory' },
  '9360feb5-f418-4baa-8175-e2a00bac4301': { en: 'Directory Writers', it: 'Writer della directory' },
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': { en: 'Global Reader', it: 'Lettore globale' },
  'fe930be7-5e62-47db-91af-98c3a49a38b1': { en: 'User Administrator', it: 'Amministratore utenti' },
  '4d6ac14f-3453-41d0-bef9-a3e0c569773a': { en: 'License Administrator', it: 'Amministratore licenze' },
  'e8611ab8-c189-46e8-94e1-60213ab1f814': {
    en: 'Privileged Role Administrator',
    it: 'Amministratore dei ruoli con privilegi',
  },
  '29232cdf-9323-42fd-ade2-1d097af3e4de': { en: 'Exchange Administrator', it: 'Amministratore di Exchange' },
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c': {
    en: 'SharePoint Administrator',
    it: 'Amministratore di SharePoint',
  },
  '69091246-20e8-4a56-aa4d-066075b2a7a8': { en: 'Teams Administrator', it: 'Amministratore di Teams' },
  '3a2c62db-5318-420d-8d74-23affee5d9d5': { en: 'Intune Administrator', it: 'Amministratore di Intune' },
  '44367163-eba1-44c3-98af-f5787879f96a': {
    en: 'Dynamics 365 Administrator',
    it: 'Amministratore di Dynamics 365',
  },
  '5d6b6bb7-de71-4623-b4af-96380a352509': { en: 'Security Reader', it: 'Lettore della sicurezza' },
}

const BY_ENGLISH_NAME = new Map(
  Object.values(ENTRA_ROLE_NAMES).map((names) => [names.en.toLowerCase(), names]),
)

/**
 * An Entra role's name in `language`: found by template id, else by the English name (a grant
 * names its role by name only); a role Tramite does not know keeps the name it was given.
 */
export function localEntraRoleName(
  role: { id?: string | null | undefined; name?: string | null | undefined },
  language: 'en' | 'it',
): string {
  const names =
    (role.id ? ENTRA_ROLE_NAMES[role.id.toLowerCase()] : undefined) ??
    (role.name ? BY_ENGLISH_NAME.get(role.name.trim().toLowerCase()) : undefined)
  if (names) return names[language]
  return role.name ?? role.id ?? ''
}
