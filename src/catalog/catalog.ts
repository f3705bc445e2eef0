import { createHash } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import { AZURE_PROBLEM_CLASSIFICATIONS, AZURE_SERVICES, ensureAzureCatalog } from './azure-catalog.ts'
import { ensureOfferCatalog, OFFERS } from './offers.ts'
import type {
  AzureRoleName,
  DirectoryRolesTable,
  HealthServicesTable,
  SupportTopicsTable,
  WorkloadsTable,
} from '../platform/db/schema.ts'

/**
 * Reference data every installation has: the workloads of the CSP program and the Microsoft
 * Entra built-in roles GDAP grants. It is data, kept current at every start by `ensureCatalog`,
 * so an operator may add rows without a code change.
 */
export const WORKLOADS: WorkloadsTable[] = [
  { id: 'azure', name_en: 'Azure', name_it: 'Azure', portal: 'azure', vendor_supported: true, sort_order: 1 },
  {
    id: 'office365',
    name_en: 'Office 365 / Microsoft 365',
    name_it: 'Office 365 / Microsoft 365',
    portal: 'm365',
    vendor_supported: true,
    sort_order: 2,
  },
  {
    id: 'dynamics',
    name_en: 'Dynamics CRM Online',
    name_it: 'Dynamics CRM Online',
    portal: 'm365',
    vendor_supported: true,
    sort_order: 3,
  },
  {
    id: 'ems',
    name_en: 'Enterprise Mobility Suite',
    name_it: 'Enterprise Mobility Suite',
    portal: 'm365',
    vendor_supported: true,
    sort_order: 4,
  },
  {
    id: 'marketplace',
    name_en: 'Commercial marketplace products',
    name_it: 'Prodotti del marketplace commerciale',
    portal: 'marketplace',
    vendor_supported: false,
    sort_order: 5,
  },
]

/** Role template ids as Microsoft Entra publishes them; descriptions are ours. */
export const ROLE_IDS = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  serviceSupportAdministrator: 'f023fd81-a637-4b56-95fd-791ac0226033',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  directoryWriters: '9360feb5-f418-4baa-8175-e2a00bac4301',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  licenseAdministrator: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  sharePointAdministrator: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c',
  teamsAdministrator: '69091246-20e8-4a56-aa4d-066075b2a7a8',
  intuneAdministrator: '3a2c62db-5318-420d-8d74-23affee5d9d5',
  dynamics365Administrator: '44367163-eba1-44c3-98af-f5787879f96a',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
} as const

type Role = DirectoryRolesTable
const role = (
  id: string,
  display_name: string,
  description_en: string,
  description_it: string,
  flags: { m365?: boolean; health?: boolean; privileged?: boolean } = {},
): Role => ({
  id,
  display_name,
  description_en,
  description_it,
  files_m365_tickets: flags.m365 ?? false,
  reads_service_health: flags.health ?? false,
  is_privileged: flags.privileged ?? false,
})

export const DIRECTORY_ROLES: Role[] = [
  role(
    ROLE_IDS.serviceSupportAdministrator,
    'Service Support Administrator',
    'Opens and follows service requests and reads service health. The least-privileged role for support work.',
    'Apre e segue le richieste di servizio e legge lo stato dei servizi. Il ruolo con meno privilegi per il supporto.',
    { m365: true, health: true },
  ),
  role(
    ROLE_IDS.helpdeskAdministrator,
    'Helpdesk Administrator',
    'Resets passwords of non-administrators, opens service requests and reads service health.',
    'Reimposta le password dei non amministratori, apre richieste di servizio e legge lo stato dei servizi.',
    { m365: true, health: true },
  ),
  role(
    ROLE_IDS.globalAdministrator,
    'Global Administrator',
    'Full control of the tenant. Avoid it in GDAP: it blocks auto-extend and is rarely needed.',
    'Controllo completo del tenant. Da evitare in GDAP: impedisce il rinnovo automatico ed è raramente necessario.',
    { m365: true, health: true, privileged: true },
  ),
  role(
    ROLE_IDS.directoryReaders,
    'Directory Readers',
    'Reads basic directory information. The least-privileged role that opens a customer’s tenant for Azure support (the ticket permission comes from Azure RBAC).',
    'Legge le informazioni di base della directory. Il ruolo con meno privilegi che apre il tenant di un cliente per il supporto Azure (il permesso per il ticket viene dal controllo di accesso Azure).',
  ),
  role(
    ROLE_IDS.directoryWriters,
    'Directory Writers',
    'Reads and writes basic directory information.',
    'Legge e scrive le informazioni di base della directory.',
  ),
  role(
    ROLE_IDS.globalReader,
    'Global Reader',
    'Reads everything a Global Administrator can, changes nothing; reads service health.',
    'Legge tutto ciò che legge un Amministratore globale senza modificare nulla; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.userAdministrator,
    'User Administrator',
    'Manages users and groups.',
    'Gestisce utenti e gruppi.',
  ),
  role(
    ROLE_IDS.licenseAdministrator,
    'License Administrator',
    'Manages product licenses on users and groups.',
    'Gestisce le licenze dei prodotti per utenti e gruppi.',
  ),
  role(
    ROLE_IDS.privilegedRoleAdministrator,
    'Privileged Role Administrator',
    'Manages role assignments, including privileged roles.',
    'Gestisce le assegnazioni dei ruoli, compresi quelli privilegiati.',
    { privileged: true },
  ),
  role(
    ROLE_IDS.exchangeAdministrator,
    'Exchange Administrator',
    'Manages Exchange Online; reads service health.',
    'Gestisce Exchange Online; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.sharePointAdministrator,
    'SharePoint Administrator',
    'Manages SharePoint Online; reads service health.',
    'Gestisce SharePoint Online; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.teamsAdministrator,
    'Teams Administrator',
    'Manages Microsoft Teams; reads service health.',
    'Gestisce Microsoft Teams; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.intuneAdministrator,
    'Intune Administrator',
    'Manages Microsoft Intune; reads service health.',
    'Gestisce Microsoft Intune; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.dynamics365Administrator,
    'Dynamics 365 Administrator',
    'Manages Dynamics 365; reads service health.',
    'Gestisce Dynamics 365; legge lo stato dei servizi.',
    { health: true },
  ),
  role(
    ROLE_IDS.securityReader,
    'Security Reader',
    'Reads security information and reports.',
    'Legge le informazioni e i report di sicurezza.',
  ),
]

/** Azure built-in role definition ids (RBAC); the first three allow Microsoft.Support/supportTickets/write. */
export const AZURE_ROLE_IDS: Record<AzureRoleName, string> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'Support Request Contributor': 'cfd33db0-3dd1-45e3-aa9d-cdbdf3b6f24e',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
}

type Topic = [id: string, en: string, it: string, common: boolean]
const topics = (workload: SupportTopicsTable['workload_id'], list: Topic[]): SupportTopicsTable[] =>
  list.map(([id, name_en, name_it, common], i) => ({
    id,
    workload_id: workload,
    name_en,
    name_it,
    common,
    sort_order: i + 1,
  }))

/** Support categories per workload; the uncommon ones sit behind "More…" in the request form (R9). */
export const SUPPORT_TOPICS: SupportTopicsTable[] = [
  ...topics('office365', [
    [
      'o365.exchange',
      'Exchange Online: mail flow and mailboxes',
      'Exchange Online: flusso di posta e cassette postali',
      true,
    ],
    [
      'o365.teams',
      'Microsoft Teams: meetings, calls and chat',
      'Microsoft Teams: riunioni, chiamate e chat',
      true,
    ],
    ['o365.sharepoint', 'SharePoint Online and OneDrive', 'SharePoint Online e OneDrive', true],
    ['o365.signin', 'Sign-in, users and passwords', 'Accesso, utenti e password', true],
    [
      'o365.apps',
      'Microsoft 365 Apps installation and activation',
      'Installazione e attivazione di Microsoft 365 Apps',
      true,
    ],
    ['o365.licensing', 'Licenses and subscription', 'Licenze e sottoscrizione', false],
    ['o365.domains', 'Domains and DNS', 'Domini e DNS', false],
    [
      'o365.compliance',
      'Compliance, retention and eDiscovery',
      'Conformità, conservazione ed eDiscovery',
      false,
    ],
    ['o365.migration', 'Data migration', 'Migrazione dei dati', false],
  ]),
  ...topics('dynamics', [
    ['dyn.access', 'Access and security roles', 'Accesso e ruoli di sicurezza', true],
    ['dyn.performance', 'Performance and availability', 'Prestazioni e disponibilità', true],
    ['dyn.customization', 'Customizations and solutions', 'Personalizzazioni e soluzioni', true],
    ['dyn.integration', 'Integrations and APIs', 'Integrazioni e API', false],
    ['dyn.data', 'Data import and export', 'Importazione ed esportazione dei dati', false],
  ]),
  ...topics('ems', [
    [
      'ems.intune',
      'Intune device enrollment and compliance',
      'Registrazione e conformità dei dispositivi Intune',
      true,
    ],
    ['ems.conditional', 'Conditional Access and MFA', 'Accesso condizionale e MFA', true],
    [
      'ems.identity',
      'Microsoft Entra ID sync and identities',
      'Sincronizzazione e identità Microsoft Entra ID',
      true,
    ],
    [
      'ems.protection',
      'Information protection and labels',
      'Protezione delle informazioni ed etichette',
      false,
    ],
    ['ems.apps', 'App protection policies', 'Criteri di protezione delle app', false],
  ]),
  ...topics('azure', [
    ['az.vm', 'Virtual machines', 'Macchine virtuali', true],
    ['az.network', 'Networking', 'Rete', true],
    ['az.storage', 'Storage', 'Archiviazione', true],
    ['az.sql', 'SQL Database', 'Database SQL', true],
    ['az.appservice', 'App Service', 'Servizio app', true],
    ['az.billing', 'Billing', 'Fatturazione', false],
    ['az.subscription', 'Subscription management', 'Gestione della sottoscrizione', false],
    [
      'az.quota',
      'Service and subscription limits (quotas)',
      'Limiti di servizio e sottoscrizione (quote)',
      false,
    ],
  ]),
]

/** The services whose health is published, per workload (Graph's serviceHealth ids and names). */
export const HEALTH_SERVICES: HealthServicesTable[] = (
  [
    ['Exchange', 'office365', 'Exchange Online', 'EX'],
    ['SharePoint', 'office365', 'SharePoint Online', 'SP'],
    ['microsoftteams', 'office365', 'Microsoft Teams', 'TM'],
    ['OneDriveForBusiness', 'office365', 'OneDrive for Business', 'OD'],
    ['OfficeClient', 'office365', 'Microsoft 365 Apps', 'OC'],
    ['Intune', 'ems', 'Microsoft Intune', 'IT'],
    ['EntraID', 'ems', 'Microsoft Entra', 'EN'],
    ['DynamicsCRM', 'dynamics', 'Dynamics 365 Apps', 'CR'],
    ['AzureVirtualMachines', 'azure', 'Azure Virtual Machines', 'VM'],
    ['AzureStorage', 'azure', 'Azure Storage', 'ST'],
    ['AzureSQLDatabase', 'azure', 'Azure SQL Database', 'SQ'],
    ['AzureAppService', 'azure', 'Azure App Service', 'AS'],
  ] as const
).map(([id, workload_id, display_name, incident_prefix], i) => ({
  id,
  workload_id,
  display_name,
  incident_prefix,
  sort_order: i + 1,
}))

/** Inserts the catalog rows, or brings existing ones up to date: one statement per table. */
/** app_meta's key for the fingerprint of the catalog last written. */
const CATALOG_KEY = 'catalog'

/** A digest of every catalog row this code writes: it changes when the code's catalog does. */
export function catalogFingerprint(): string {
  const rows = [
    AZURE_SERVICES,
    AZURE_PROBLEM_CLASSIFICATIONS,
    WORKLOADS,
    DIRECTORY_ROLES,
    HEALTH_SERVICES,
    SUPPORT_TOPICS,
    OFFERS,
  ]
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex')
}

/**
 * Writes the catalog when this code's differs from the one last written (app_meta remembers its
 * fingerprint): upserting its ~700 rows at every start cost about a second on PGlite. Rows an
 * operator added stay; a change the code makes to its own rows is applied at the next start.
 */
export async function ensureCatalog(db: Db): Promise<void> {
  const fingerprint = catalogFingerprint()
  const stored = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', CATALOG_KEY)
    .executeTakeFirst()
  if ((stored?.value as { sha256?: unknown } | undefined)?.sha256 === fingerprint) return
  await writeCatalog(db)
  await db
    .insertInto('app_meta')
    .values({ key: CATALOG_KEY, value: JSON.stringify({ sha256: fingerprint }) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute()
}

async function writeCatalog(db: Db): Promise<void> {
  await ensureAzureCatalog(db)
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('workloads')
      .values(WORKLOADS)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name_en: eb.ref('excluded.name_en'),
          name_it: eb.ref('excluded.name_it'),
          portal: eb.ref('excluded.portal'),
          vendor_supported: eb.ref('excluded.vendor_supported'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute()
    await trx
      .insertInto('directory_roles')
      .values(DIRECTORY_ROLES)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          description_en: eb.ref('excluded.description_en'),
          description_it: eb.ref('excluded.description_it'),
          files_m365_tickets: eb.ref('excluded.files_m365_tickets'),
          reads_service_health: eb.ref('excluded.reads_service_health'),
          is_privileged: eb.ref('excluded.is_privileged'),
        })),
      )
      .execute()
    await trx
      .insertInto('health_services')
      .values(HEALTH_SERVICES)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          workload_id: eb.ref('excluded.workload_id'),
          display_name: eb.ref('excluded.display_name'),
          incident_prefix: eb.ref('excluded.incident_prefix'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute()
    await trx
      .insertInto('support_topics')
      .values(SUPPORT_TOPICS)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          workload_id: eb.ref('excluded.workload_id'),
          name_en: eb.ref('excluded.name_en'),
          name_it: eb.ref('excluded.name_it'),
          common: eb.ref('excluded.common'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute()
  })
  // offers name their workload: after the workloads
  await ensureOfferCatalog(db)
}
