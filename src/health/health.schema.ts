import Type from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'

/**
 * The contract of the portal's service-health API (/api/health): what each route answers, as
 * health.http.ts presents it. Fastify sends only what these schemas name, and the OpenAPI
 * document (from which the portal's types come) says exactly this. Pure TypeBox.
 */

export const HEALTH_STATUSES = [
  'serviceOperational',
  'investigating',
  'restoringService',
  'verifyingService',
  'serviceRestored',
  'postIncidentReviewPublished',
  'serviceDegradation',
  'serviceInterruption',
  'extendedRecovery',
  'falsePositive',
  'investigationSuspended',
  'resolved',
  'mitigatedExternal',
  'mitigated',
  'resolvedExternal',
  'confirmed',
  'reported',
] as const

export const HealthStatusSchema = Type.Enum([...HEALTH_STATUSES])
/** The catalog's workloads (a health service belongs to one; marketplace products may have some). */
export const WorkloadSchema = Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace'])
export const ClassificationSchema = Type.Enum(['incident', 'advisory'])
export const PostTypeSchema = Type.Enum(['regular', 'quick', 'strategic'])

export const HealthServiceSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  workload: WorkloadSchema,
})

export const HealthServiceListSchema = Type.Object({ items: Type.Array(HealthServiceSchema) })

export const IncidentServiceSchema = Type.Object({
  ...HealthServiceSchema.properties,
  /** The incident's primary service (the first one named when it was published). */
  primary: Type.Boolean(),
})

export const IncidentPostSchema = Type.Object({
  id: Type.Integer(),
  postType: PostTypeSchema,
  /** The incident's status when the post was written. */
  status: Type.String(),
  content: Type.String(),
  createdAt: DateTime,
})

const incidentProperties = {
  id: Type.String(),
  title: Type.String(),
  classification: ClassificationSchema,
  origin: Type.Enum(['microsoft', 'thirdParty', 'customer']),
  status: HealthStatusSchema,
  isResolved: Type.Boolean(),
  feature: Nullable(Type.String()),
  featureGroup: Nullable(Type.String()),
  impactDescription: Type.String(),
  highImpact: Type.Boolean(),
  /** true: the incident affects every tenant. */
  allTenants: Type.Boolean(),
  startAt: DateTime,
  endAt: Nullable(DateTime),
  lastModifiedAt: DateTime,
  version: Type.Integer(),
  services: Type.Array(IncidentServiceSchema),
}

/** An incident as lists show it (no posts). */
export const IncidentSchema = Type.Object(incidentProperties)

/** An incident with its posts, as publishing and updating answer it. */
export const IncidentWithPostsSchema = Type.Object({
  ...incidentProperties,
  posts: Type.Array(IncidentPostSchema),
})

export const TenantRefSchema = Type.Object({ tenantId: Type.String(), name: Type.String() })

/** One incident for its page: posts, whether the reader follows it, the tenants it affects. */
export const IncidentDetailSchema = Type.Object({
  ...IncidentWithPostsSchema.properties,
  following: Type.Boolean(),
  /** Every tenant, or the affected tenants the reader may see. */
  affectedTenants: Type.Union([Type.Literal('all'), Type.Array(TenantRefSchema)]),
})

export const IncidentListSchema = Type.Object({ items: Type.Array(IncidentSchema) })

export const DirectoryTenantListSchema = Type.Object({
  items: Type.Array(Type.Object({ tenantId: Type.String(), name: Type.String(), domain: Type.String() })),
})

export const TenantHealthSchema = Type.Object({
  tenantId: Type.String(),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      service: Type.String(),
      workload: WorkloadSchema,
      /** The worst active incident's status, or serviceOperational. */
      status: HealthStatusSchema,
      issues: Type.Array(IncidentSchema),
    }),
  ),
})

export const TenantHistorySchema = Type.Object({
  days: Type.Integer(),
  items: Type.Array(
    Type.Object({
      day: Type.String({ format: 'date' }),
      serviceId: Type.String(),
      serviceName: Type.String(),
      incidents: Type.Integer(),
    }),
  ),
})

export const AffectedRowSchema = Type.Object({
  /** null: the incident affects every tenant (one row, `customers` counted). */
  tenantId: Nullable(Type.String()),
  tenantName: Nullable(Type.String()),
  customers: Type.Integer(),
  incidentId: Type.String(),
  title: Type.String(),
  status: HealthStatusSchema,
  classification: ClassificationSchema,
  serviceId: Type.String(),
  serviceName: Type.String(),
  workload: WorkloadSchema,
  startAt: DateTime,
  lastModifiedAt: DateTime,
})

export const AffectedOverviewSchema = Type.Object({
  /** One row per affected customer and incident. */
  items: Type.Array(AffectedRowSchema),
  /** Incidents that affect every tenant, once each. */
  everyone: Type.Array(AffectedRowSchema),
  /** How many of the partner's customers are affected. */
  customers: Type.Integer(),
  perService: Type.Array(
    Type.Object({ serviceId: Type.String(), serviceName: Type.String(), customers: Type.Integer() }),
  ),
})
