import type { Db } from '../platform/db/database.ts'
import type { AzureProblemClassificationsTable, ProblemType } from '../platform/db/schema.ts'
import { uuidFromName } from '../platform/ids.ts'

/**
 * The Azure services a support ticket can be about, and each one's problem classifications, as
 * Microsoft.Support lists them (`/providers/Microsoft.Support/services/…/problemClassifications`).
 * Ids are name-derived GUIDs, stable across installations; names are ours.
 */
const NS = '3b0f6a52-7d1e-4c39-9a8b-5e2f1c0d4a77'
export const azureServiceId = (key: string): string => uuidFromName(NS, `service:${key}`)
export const azureClassificationId = (service: string, key: string): string =>
  uuidFromName(NS, `pc:${service}:${key}`)

type Spec = {
  key: string
  en: string
  it: string
  problemType: ProblemType
  resourceTypes: string[]
  classifications: [key: string, en: string, it: string][]
}

const SPECS: Spec[] = [
  {
    key: 'vm-windows',
    en: 'Virtual Machine running Windows',
    it: 'Macchina virtuale Windows',
    problemType: 'technical',
    resourceTypes: ['MICROSOFT.CLASSICCOMPUTE/VIRTUALMACHINES', 'MICROSOFT.COMPUTE/VIRTUALMACHINES'],
    classifications: [
      [
        'connectivity',
        'Cannot connect to my virtual machine',
        'Impossibile connettersi alla macchina virtuale',
      ],
      [
        'startup',
        'VM does not start or stops unexpectedly',
        'La VM non si avvia o si arresta inaspettatamente',
      ],
      ['performance', 'Performance is degraded', 'Prestazioni degradate'],
      ['backup', 'Backup and restore', 'Backup e ripristino'],
    ],
  },
  {
    key: 'vm-linux',
    en: 'Virtual Machine running Linux',
    it: 'Macchina virtuale Linux',
    problemType: 'technical',
    resourceTypes: ['MICROSOFT.CLASSICCOMPUTE/VIRTUALMACHINES', 'MICROSOFT.COMPUTE/VIRTUALMACHINES'],
    classifications: [
      ['connectivity', 'Cannot connect by SSH', 'Impossibile connettersi via SSH'],
      ['startup', 'VM does not boot', 'La VM non si avvia'],
      ['performance', 'Performance is degraded', 'Prestazioni degradate'],
    ],
  },
  {
    key: 'storage',
    en: 'Storage Account',
    it: 'Account di archiviazione',
    problemType: 'technical',
    resourceTypes: ['MICROSOFT.STORAGE/STORAGEACCOUNTS'],
    classifications: [
      ['access', 'Access denied or authentication errors', 'Accesso negato o errori di autenticazione'],
      ['availability', 'Data unavailable or slow', 'Dati non disponibili o lenti'],
      ['replication', 'Replication and failover', 'Replica e failover'],
    ],
  },
  {
    key: 'sql-database',
    en: 'SQL Database',
    it: 'Database SQL',
    problemType: 'technical',
    resourceTypes: ['MICROSOFT.SQL/SERVERS/DATABASES'],
    classifications: [
      ['connectivity', 'Cannot connect to the database', 'Impossibile connettersi al database'],
      ['performance', 'Queries are slow', 'Le query sono lente'],
      ['restore', 'Restore a database', 'Ripristinare un database'],
    ],
  },
  {
    key: 'app-service',
    en: 'Web App (Windows)',
    it: 'App Web (Windows)',
    problemType: 'technical',
    resourceTypes: ['MICROSOFT.WEB/SITES'],
    classifications: [
      ['availability', 'The app is down or returns errors', "L'app non risponde o restituisce errori"],
      ['deployment', 'Deployment fails', 'La distribuzione non riesce'],
      ['certificates', 'Domains and certificates', 'Domini e certificati'],
    ],
  },
  {
    key: 'billing',
    en: 'Billing',
    it: 'Fatturazione',
    problemType: 'billing',
    resourceTypes: [],
    classifications: [
      ['invoice', 'Questions about my invoice', 'Domande sulla fattura'],
      ['refund', 'Refund request', 'Richiesta di rimborso'],
      ['payment', 'Payment method', 'Metodo di pagamento'],
    ],
  },
  {
    key: 'subscription-management',
    en: 'Subscription management',
    it: 'Gestione della sottoscrizione',
    problemType: 'subscription_management',
    resourceTypes: [],
    classifications: [
      ['transfer', 'Transfer subscription ownership', 'Trasferire la proprietà della sottoscrizione'],
      ['cancel', 'Cancel or reactivate a subscription', 'Annullare o riattivare una sottoscrizione'],
      ['offer', 'Change the subscription offer', "Cambiare l'offerta della sottoscrizione"],
    ],
  },
  {
    key: 'quota',
    en: 'Service and subscription limits (quotas)',
    it: 'Limiti di servizio e sottoscrizione (quote)',
    problemType: 'quota',
    resourceTypes: [],
    classifications: [
      [
        'compute-cores',
        'Compute-VM (cores-vCPUs) subscription limit increases',
        'Aumento dei limiti di core (vCPU) delle VM',
      ],
      ['storage-accounts', 'Storage: Azure Storage accounts', 'Archiviazione: account di Azure Storage'],
      ['sql-database', 'SQL Database', 'Database SQL'],
    ],
  },
]

export interface AzureService {
  id: string
  displayNameEn: string
  displayNameIt: string
  resourceTypes: string[]
  problemType: ProblemType
  sortOrder: number
}

export const AZURE_SERVICES: AzureService[] = SPECS.map((s, i) => ({
  id: azureServiceId(s.key),
  displayNameEn: s.en,
  displayNameIt: s.it,
  resourceTypes: s.resourceTypes,
  problemType: s.problemType,
  sortOrder: i + 1,
}))

export const AZURE_PROBLEM_CLASSIFICATIONS: AzureProblemClassificationsTable[] = SPECS.flatMap((s) =>
  s.classifications.map(([key, en, it], i) => ({
    id: azureClassificationId(s.key, key),
    service_id: azureServiceId(s.key),
    display_name_en: en,
    display_name_it: it,
    sort_order: i + 1,
  })),
)

export async function ensureAzureCatalog(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('azure_services')
      .values(
        AZURE_SERVICES.map((s) => ({
          id: s.id,
          display_name_en: s.displayNameEn,
          display_name_it: s.displayNameIt,
          resource_types: JSON.stringify(s.resourceTypes),
          problem_type: s.problemType,
          sort_order: s.sortOrder,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          display_name_en: eb.ref('excluded.display_name_en'),
          display_name_it: eb.ref('excluded.display_name_it'),
          resource_types: eb.ref('excluded.resource_types'),
          problem_type: eb.ref('excluded.problem_type'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute()
    await trx
      .insertInto('azure_problem_classifications')
      .values(AZURE_PROBLEM_CLASSIFICATIONS)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          service_id: eb.ref('excluded.service_id'),
          display_name_en: eb.ref('excluded.display_name_en'),
          display_name_it: eb.ref('excluded.display_name_it'),
          sort_order: eb.ref('excluded.sort_order'),
        })),
      )
      .execute()
  })
}
