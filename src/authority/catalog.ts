import type { PermissionKind } from '../platform/db/schema.ts'

/**
 * The APIs an application can ask permissions for — the resources Tramite's surfaces answer as —
 * and the permissions of each, matching the Microsoft identity platform's names. A scope
 * `<resource>/.default` selects the resource, so it selects the token's audience.
 */
export interface Resource {
  /** Short name used by the CLI and the portal: graph, arm, partnercenter, tramite. */
  key: string
  /** The token audience (`aud`) and the identifier scopes are written with. */
  audience: string
  /** Other identifiers clients use for it (the first-party app id, the older ARM URL). */
  aliases: string[]
  displayName: string
}

export const RESOURCES: readonly Resource[] = [
  {
    key: 'graph',
    audience: 'https://graph.microsoft.com',
    aliases: ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com/'],
    displayName: 'Microsoft Graph',
  },
  {
    key: 'arm',
    audience: 'https://management.azure.com',
    aliases: [
      'https://management.azure.com/',
      'https://management.core.windows.net',
      'https://management.core.windows.net/',
      '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    ],
    displayName: 'Azure Resource Manager',
  },
  {
    key: 'partnercenter',
    audience: 'https://api.partnercenter.microsoft.com',
    aliases: ['fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd', 'https://api.partnercenter.microsoft.com/'],
    displayName: 'Partner Center',
  },
  {
    key: 'tramite',
    audience: 'urn:tramite:api',
    aliases: [],
    displayName: 'Tramite portal API',
  },
]

export interface CatalogPermission {
  resource: string
  name: string
  kind: PermissionKind
  /** Delegated permissions a person may consent to for themselves; the rest need the administrator. */
  adminConsentRequired: boolean
  description: { en: string; it: string }
}

const graph = 'graph'
/** Microsoft Graph's directory permissions, as directory/directory.graph.ts's routes need them. */
const DIRECTORY_PERMISSIONS: readonly (readonly [string, string, string])[] = [
  ['User.Read.All', 'Read all users’ full profiles.', 'Leggere i profili completi di tutti gli utenti.'],
  [
    'User.ReadWrite.All',
    'Create, change, disable and delete users; invite people.',
    'Creare, modificare, disattivare ed eliminare utenti; invitare persone.',
  ],
  ['Group.Read.All', 'Read all groups and their members.', 'Leggere tutti i gruppi e i loro membri.'],
  [
    'Group.ReadWrite.All',
    'Create, change and delete groups, and their memberships.',
    'Creare, modificare ed eliminare gruppi e le loro appartenenze.',
  ],
  [
    'GroupMember.Read.All',
    'Read the memberships of all groups.',
    'Leggere le appartenenze di tutti i gruppi.',
  ],
  [
    'GroupMember.ReadWrite.All',
    'Add and remove members of all groups (which may change who holds partner roles).',
    'Aggiungere e togliere membri di tutti i gruppi (può cambiare chi ha i ruoli partner).',
  ],
  [
    'Directory.Read.All',
    'Read the directory: users, groups and memberships.',
    'Leggere la directory: utenti, gruppi e appartenenze.',
  ],
  [
    'Directory.ReadWrite.All',
    'Read and change the directory: users, groups and memberships.',
    'Leggere e modificare la directory: utenti, gruppi e appartenenze.',
  ],
]
export const PERMISSIONS: readonly CatalogPermission[] = [
  ...(['delegated', 'application'] as const).flatMap((kind) => [
    {
      resource: graph,
      name: 'DelegatedAdminRelationship.Read.All',
      kind,
      adminConsentRequired: true,
      description: {
        en: 'Read delegated admin relationships (GDAP) with customers, their access assignments, requests and operations.',
        it: 'Leggere le relazioni di amministrazione delegata (GDAP) con i clienti, le assegnazioni di accesso, le richieste e le operazioni.',
      },
    },
    {
      resource: graph,
      name: 'DelegatedAdminRelationship.ReadWrite.All',
      kind,
      adminConsentRequired: true,
      description: {
        en: 'Create, change and end delegated admin relationships (GDAP) and their access assignments.',
        it: 'Creare, modificare e terminare le relazioni di amministrazione delegata (GDAP) e le loro assegnazioni di accesso.',
      },
    },
    ...DIRECTORY_PERMISSIONS.map(([name, en, it]) => ({
      resource: graph,
      name,
      kind,
      adminConsentRequired: true,
      description: { en, it },
    })),
    {
      resource: graph,
      name: 'ServiceHealth.Read.All',
      kind,
      adminConsentRequired: true,
      description: {
        en: 'Read service health: health overviews and service issues.',
        it: 'Leggere lo stato dei servizi: panoramiche e problemi dei servizi.',
      },
    },
    {
      resource: graph,
      name: 'ServiceMessage.Read.All',
      kind,
      adminConsentRequired: true,
      description: {
        en: 'Read service announcement messages.',
        it: 'Leggere i messaggi degli annunci di servizio.',
      },
    },
  ]),
  {
    resource: 'arm',
    name: 'user_impersonation',
    kind: 'delegated',
    adminConsentRequired: false,
    description: {
      en: 'Access Azure Resource Manager (Azure support tickets) as the signed-in user.',
      it: "Accedere ad Azure Resource Manager (ticket di supporto Azure) come l'utente connesso.",
    },
  },
  {
    resource: 'partnercenter',
    name: 'user_impersonation',
    kind: 'delegated',
    adminConsentRequired: false,
    description: {
      en: 'Access Partner Center (customers, service requests, service incidents) as the signed-in user.',
      it: "Accedere a Partner Center (clienti, richieste di servizio, incidenti) come l'utente connesso.",
    },
  },
  {
    resource: 'tramite',
    name: 'user_impersonation',
    kind: 'delegated',
    adminConsentRequired: false,
    description: {
      en: "Use Tramite's portal API as the signed-in user.",
      it: "Usare l'API del portale Tramite come l'utente connesso.",
    },
  },
]

/** The resource a scope's resource part names (by audience, alias or short key). */
export function findResource(identifier: string): Resource | undefined {
  const id = identifier.toLowerCase()
  return RESOURCES.find(
    (r) => r.audience.toLowerCase() === id || r.key === id || r.aliases.some((a) => a.toLowerCase() === id),
  )
}

export const resourceByKey = (key: string): Resource => RESOURCES.find((r) => r.key === key)!

export function findPermission(
  resource: string,
  name: string,
  kind: PermissionKind,
): CatalogPermission | undefined {
  return PERMISSIONS.find(
    (p) => p.resource === resource && p.name.toLowerCase() === name.toLowerCase() && p.kind === kind,
  )
}

/** A permission as one string, for the CLI and the portal: `graph/ServiceHealth.Read.All (application)`. */
export const permissionLabel = (p: { resource: string; name: string; kind: PermissionKind }): string =>
  `${p.resource}/${p.name} (${p.kind})`
