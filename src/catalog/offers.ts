import type { Insertable } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { OffersTable, ServicePlan } from '../platform/db/schema.ts'

/**
 * The offers partners buy for customers (Partner Center's offer catalog): the CSP program's
 * Azure plan, Microsoft 365 plans (trial and paid), Dynamics CRM Online and Enterprise Mobility
 * Suite. Rows are data, upserted at every start like the rest of the catalog, so an operator may
 * add or retire offers (`available = false`) without a code change. SKU ids and service plans are
 * the ones Microsoft Entra publishes for these licenses, so `subscribedskus` reads like the real one.
 */

type Plan = [id: string, serviceName: string, displayName: string]
const plans = (list: Plan[]): ServicePlan[] =>
  list.map(([id, serviceName, displayName]) => ({ id, serviceName, displayName, targetType: 'User' }))

const EXCHANGE_STANDARD: Plan = [
  '9aaf7827-d63c-4b61-89c3-182f06f82e5c',
  'EXCHANGE_S_STANDARD',
  'Exchange Online (Plan 1)',
]
const EXCHANGE_ENTERPRISE: Plan = [
  'efb87545-963c-4e0d-99df-69c6916d9eb0',
  'EXCHANGE_S_ENTERPRISE',
  'Exchange Online (Plan 2)',
]
const TEAMS: Plan = ['57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1', 'Microsoft Teams']
const SHAREPOINT_STANDARD: Plan = [
  'c7699d2e-19aa-44de-8edf-1736da088ca1',
  'SHAREPOINTSTANDARD',
  'SharePoint (Plan 1)',
]
const SHAREPOINT_ENTERPRISE: Plan = [
  '5dbe027f-2339-4123-9542-606e4d348a72',
  'SHAREPOINTENTERPRISE',
  'SharePoint (Plan 2)',
]
const APPS_ENTERPRISE: Plan = [
  '43de0ff5-c92c-492b-9116-175376d08c38',
  'OFFICESUBSCRIPTION',
  'Microsoft 365 Apps for enterprise',
]
const INTUNE: Plan = ['c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'INTUNE_A', 'Microsoft Intune']
const ENTRA_P1: Plan = ['41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM', 'Microsoft Entra ID P1']
const MFA: Plan = [
  '8a256a2b-b617-496d-b51b-e76466e88db0',
  'MFA_PREMIUM',
  'Microsoft Entra multifactor authentication',
]
const RMS_PREMIUM: Plan = [
  '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3',
  'RMS_S_PREMIUM',
  'Azure Information Protection Premium P1',
]
const CRM_STANDARD: Plan = [
  'f9646fb2-e3b2-4309-95de-dc4833737456',
  'CRMSTANDARD',
  'Dynamics CRM Online Professional',
]

interface OfferSpec {
  id: string
  workload: OffersTable['workload_id']
  en: string
  it: string
  descriptionEn: string
  descriptionIt: string
  productId: string
  productName: string
  sku?: { id: string; partNumber: string; plans: Plan[] }
  maxQuantity: number
  trial?: { days: number; convertsTo: string[] }
}

const LICENSE_TERMS = ['P1M', 'P1Y'] as const

function offer(spec: OfferSpec, sortOrder: number): Insertable<OffersTable> {
  const usage = spec.workload === 'azure'
  return {
    id: spec.id,
    workload_id: spec.workload,
    name_en: spec.en,
    name_it: spec.it,
    description_en: spec.descriptionEn,
    description_it: spec.descriptionIt,
    product_id: spec.productId,
    product_name: spec.productName,
    billing: usage ? 'usage' : 'license',
    is_trial: spec.trial !== undefined,
    conversion_target_offer_ids: JSON.stringify(spec.trial?.convertsTo ?? []),
    trial_days: spec.trial?.days ?? null,
    // a trial runs for its days and converts; an Azure plan has no term; licenses run monthly or yearly
    term_durations: JSON.stringify(usage ? [] : spec.trial ? ['P1M'] : LICENSE_TERMS),
    billing_cycles: JSON.stringify(usage ? ['monthly'] : spec.trial ? ['none'] : ['monthly', 'annual']),
    min_quantity: 1,
    max_quantity: spec.maxQuantity,
    countries: JSON.stringify(['*']),
    sku_id: spec.sku?.id ?? null,
    sku_part_number: spec.sku?.partNumber ?? null,
    service_plans: JSON.stringify(plans(spec.sku?.plans ?? [])),
    available: true,
    sort_order: sortOrder,
  }
}

const M365_BP_SKU = {
  id: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46',
  partNumber: 'SPB',
  plans: [EXCHANGE_STANDARD, TEAMS, SHAREPOINT_STANDARD, INTUNE, ENTRA_P1],
}
const M365_E3_SKU = {
  id: '05e9a617-0261-4cee-bb44-138d3ef5d965',
  partNumber: 'SPE_E3',
  plans: [EXCHANGE_ENTERPRISE, TEAMS, SHAREPOINT_ENTERPRISE, APPS_ENTERPRISE, INTUNE, ENTRA_P1],
}
const DYNAMICS_SKU = {
  id: 'd17b27af-3f49-4822-99f9-56a661538792',
  partNumber: 'CRMSTANDARD',
  plans: [CRM_STANDARD],
}
const EMS_SKU = {
  id: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
  partNumber: 'EMS',
  plans: [RMS_PREMIUM, INTUNE, ENTRA_P1, MFA],
}

export const OFFERS: Insertable<OffersTable>[] = (
  [
    {
      id: 'DZH318Z0BPS6:0001',
      workload: 'azure',
      en: 'Azure plan',
      it: 'Piano di Azure',
      descriptionEn: 'Pay-as-you-go access to every Azure service, billed by use.',
      descriptionIt: 'Accesso a consumo a tutti i servizi Azure, fatturato in base all’uso.',
      productId: 'DZH318Z0BPS6',
      productName: 'Azure plan',
      maxQuantity: 1,
    },
    {
      id: 'CFQ7TTC0LCHC:0002',
      workload: 'office365',
      en: 'Microsoft 365 Business Premium',
      it: 'Microsoft 365 Business Premium',
      descriptionEn:
        'Office apps, Exchange, Teams and SharePoint with Intune and Entra ID P1 for up to 300 users.',
      descriptionIt:
        'App di Office, Exchange, Teams e SharePoint con Intune ed Entra ID P1 per un massimo di 300 utenti.',
      productId: 'CFQ7TTC0LCHC',
      productName: 'Microsoft 365 Business Premium',
      sku: M365_BP_SKU,
      maxQuantity: 300,
    },
    {
      id: 'CFQ7TTC0LCHC:0002:TRIAL',
      workload: 'office365',
      en: 'Microsoft 365 Business Premium (trial)',
      it: 'Microsoft 365 Business Premium (prova)',
      descriptionEn:
        'A one-month trial of Microsoft 365 Business Premium for up to 25 users; converts to the paid plan.',
      descriptionIt:
        'Prova di un mese di Microsoft 365 Business Premium per un massimo di 25 utenti; si converte nel piano a pagamento.',
      productId: 'CFQ7TTC0LCHC',
      productName: 'Microsoft 365 Business Premium',
      sku: M365_BP_SKU,
      maxQuantity: 25,
      trial: { days: 30, convertsTo: ['CFQ7TTC0LCHC:0002'] },
    },
    {
      id: 'CFQ7TTC0LFLZ:0001',
      workload: 'office365',
      en: 'Microsoft 365 E3',
      it: 'Microsoft 365 E3',
      descriptionEn:
        'Microsoft 365 Apps for enterprise, Exchange, SharePoint, Teams, Intune and Entra ID P1.',
      descriptionIt: 'Microsoft 365 Apps for enterprise, Exchange, SharePoint, Teams, Intune ed Entra ID P1.',
      productId: 'CFQ7TTC0LFLZ',
      productName: 'Microsoft 365 E3',
      sku: M365_E3_SKU,
      maxQuantity: 100000,
    },
    {
      id: 'CFQ7TTC0LFLZ:0001:TRIAL',
      workload: 'office365',
      en: 'Microsoft 365 E3 (trial)',
      it: 'Microsoft 365 E3 (prova)',
      descriptionEn: 'A one-month trial of Microsoft 365 E3 for up to 25 users; converts to the paid plan.',
      descriptionIt:
        'Prova di un mese di Microsoft 365 E3 per un massimo di 25 utenti; si converte nel piano a pagamento.',
      productId: 'CFQ7TTC0LFLZ',
      productName: 'Microsoft 365 E3',
      sku: M365_E3_SKU,
      maxQuantity: 25,
      trial: { days: 30, convertsTo: ['CFQ7TTC0LFLZ:0001'] },
    },
    {
      id: 'CFQ7TTC0LF8S:0001',
      workload: 'dynamics',
      en: 'Dynamics CRM Online Professional',
      it: 'Dynamics CRM Online Professional',
      descriptionEn: 'Sales, service and marketing in the cloud.',
      descriptionIt: 'Vendite, assistenza e marketing nel cloud.',
      productId: 'CFQ7TTC0LF8S',
      productName: 'Dynamics CRM Online',
      sku: DYNAMICS_SKU,
      maxQuantity: 100000,
    },
    {
      id: 'CFQ7TTC0LF8S:0001:TRIAL',
      workload: 'dynamics',
      en: 'Dynamics CRM Online Professional (trial)',
      it: 'Dynamics CRM Online Professional (prova)',
      descriptionEn: 'A one-month trial of Dynamics CRM Online Professional for up to 25 users.',
      descriptionIt: 'Prova di un mese di Dynamics CRM Online Professional per un massimo di 25 utenti.',
      productId: 'CFQ7TTC0LF8S',
      productName: 'Dynamics CRM Online',
      sku: DYNAMICS_SKU,
      maxQuantity: 25,
      trial: { days: 30, convertsTo: ['CFQ7TTC0LF8S:0001'] },
    },
    {
      id: 'CFQ7TTC0LFK5:0001',
      workload: 'ems',
      en: 'Enterprise Mobility + Security E3',
      it: 'Enterprise Mobility + Security E3',
      descriptionEn: 'Identity and device management: Intune, Entra ID P1 and Azure Information Protection.',
      descriptionIt:
        'Gestione di identità e dispositivi: Intune, Entra ID P1 e Azure Information Protection.',
      productId: 'CFQ7TTC0LFK5',
      productName: 'Enterprise Mobility + Security E3',
      sku: EMS_SKU,
      maxQuantity: 100000,
    },
    {
      id: 'CFQ7TTC0LFK5:0001:TRIAL',
      workload: 'ems',
      en: 'Enterprise Mobility + Security E3 (trial)',
      it: 'Enterprise Mobility + Security E3 (prova)',
      descriptionEn: 'A one-month trial of Enterprise Mobility + Security E3 for up to 25 users.',
      descriptionIt: 'Prova di un mese di Enterprise Mobility + Security E3 per un massimo di 25 utenti.',
      productId: 'CFQ7TTC0LFK5',
      productName: 'Enterprise Mobility + Security E3',
      sku: EMS_SKU,
      maxQuantity: 25,
      trial: { days: 30, convertsTo: ['CFQ7TTC0LFK5:0001'] },
    },
  ] satisfies OfferSpec[]
).map((spec, i) => offer(spec, i + 1))

/** Inserts the offers, or brings existing ones up to date (an operator's own offers stay as they are). */
export async function ensureOfferCatalog(db: Db): Promise<void> {
  await db
    .insertInto('offers')
    .values(OFFERS)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        workload_id: eb.ref('excluded.workload_id'),
        name_en: eb.ref('excluded.name_en'),
        name_it: eb.ref('excluded.name_it'),
        description_en: eb.ref('excluded.description_en'),
        description_it: eb.ref('excluded.description_it'),
        product_id: eb.ref('excluded.product_id'),
        product_name: eb.ref('excluded.product_name'),
        billing: eb.ref('excluded.billing'),
        is_trial: eb.ref('excluded.is_trial'),
        conversion_target_offer_ids: eb.ref('excluded.conversion_target_offer_ids'),
        trial_days: eb.ref('excluded.trial_days'),
        term_durations: eb.ref('excluded.term_durations'),
        billing_cycles: eb.ref('excluded.billing_cycles'),
        min_quantity: eb.ref('excluded.min_quantity'),
        max_quantity: eb.ref('excluded.max_quantity'),
        sku_id: eb.ref('excluded.sku_id'),
        sku_part_number: eb.ref('excluded.sku_part_number'),
        service_plans: eb.ref('excluded.service_plans'),
        sort_order: eb.ref('excluded.sort_order'),
      })),
    )
    .execute()
}
