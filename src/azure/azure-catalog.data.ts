import type { Db } from '../platform/db/database.ts'
import type { ProblemType } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'

export interface ServiceRecord {
  id: string
  displayNameEn: string
  displayNameIt: string
  resourceTypes: string[]
  problemType: ProblemType
}

export interface ClassificationRecord {
  id: string
  serviceId: string
  displayNameEn: string
  displayNameIt: string
}

/** The GUID at the end of an ARM id (`/providers/Microsoft.Support/services/{guid}`), or the GUID itself. */
const lastGuid = (ref: string): string | null => {
  const last = ref.split('/').filter(Boolean).pop() ?? ''
  return isUuid(last) ? last.toLowerCase() : null
}

const serviceColumns = [
  'id',
  'display_name_en as displayNameEn',
  'display_name_it as displayNameIt',
  'resource_types as resourceTypes',
  'problem_type as problemType',
] as const

export function listServices(db: Db): Promise<ServiceRecord[]> {
  return db.selectFrom('azure_services').select(serviceColumns).orderBy('sort_order').execute()
}

export async function findService(db: Db, ref: string): Promise<ServiceRecord | null> {
  const id = lastGuid(ref)
  if (!id) return null
  return (
    (await db.selectFrom('azure_services').select(serviceColumns).where('id', '=', id).executeTakeFirst()) ??
    null
  )
}

const classificationColumns = [
  'id',
  'service_id as serviceId',
  'display_name_en as displayNameEn',
  'display_name_it as displayNameIt',
] as const

export function listClassifications(db: Db, serviceId: string): Promise<ClassificationRecord[]> {
  return db
    .selectFrom('azure_problem_classifications')
    .select(classificationColumns)
    .where('service_id', '=', serviceId)
    .orderBy('sort_order')
    .execute()
}

/** Every service's problem classifications, in each service's order. */
export function listAllClassifications(db: Db): Promise<ClassificationRecord[]> {
  return db
    .selectFrom('azure_problem_classifications')
    .select(classificationColumns)
    .orderBy('service_id')
    .orderBy('sort_order')
    .execute()
}

/** A classification by id or ARM id; within `serviceRef` when given (a GUID or the service's ARM id). */
export async function findClassification(
  db: Db,
  serviceRef: string | null,
  ref: string,
): Promise<ClassificationRecord | null> {
  const id = lastGuid(ref)
  if (!id) return null
  let query = db
    .selectFrom('azure_problem_classifications')
    .select(classificationColumns)
    .where('id', '=', id)
  if (serviceRef !== null) {
    const serviceId = lastGuid(serviceRef)
    if (!serviceId) return null
    query = query.where('service_id', '=', serviceId)
  }
  return (await query.executeTakeFirst()) ?? null
}
