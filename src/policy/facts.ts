import type {
  AssignmentStatus,
  Billing,
  Channel,
  EntitlementKind,
  GdapStatus,
  PartnerType,
  ProblemType,
  Severity,
  SubscriptionStatus,
  SupportPlan,
  TenantKind,
  UserRole,
  WorkloadId,
} from '../platform/db/schema.ts'

/**
 * Everything the support policy needs to decide, gathered by the data layer (policy.data.ts).
 * Plain data only: the policy itself does no I/O, so it can be tested over thousands of worlds.
 */

export interface ActorFacts {
  userId: string
  email: string
  displayName: string
  phone: string | null
  locale: string | null
  tenantId: string
  tenantKind: TenantKind
  tenantName: string
  tenantLocale: string
  partnerType: PartnerType | null
  roles: UserRole[]
}

export interface RoleFact {
  id: string
  name: string
  /** Carries the support-ticket permission for Office 365, EMS and Dynamics (R9). */
  filesM365Tickets: boolean
  readsServiceHealth: boolean
}

/** A GDAP relationship between the actor's partner and the target customer, with its stored status. */
export interface RelationshipFact {
  id: string
  name: string
  status: GdapStatus
  endAt: Date | null
  autoExtendDuration: string
  approvalRequestedAt: Date | null
  roleIds: string[]
}

/** An access assignment of one of the actor's security groups (directly or by nesting). */
export interface AssignmentFact {
  id: string
  relationshipId: string
  status: AssignmentStatus
  groupId: string
  groupName: string
  roles: RoleFact[]
}

export interface SubscriptionFact {
  id: string
  tenantId: string
  workload: WorkloadId
  friendlyName: string
  channel: Channel
  billing: Billing
  status: SubscriptionStatus
  providerTenantId: string | null
  providerName: string | null
  resellerTenantId: string | null
  productId: string | null
}

export interface ProductFact {
  id: string
  name: string
  isvName: string
  supportUrl: string | null
  supportEmail: string | null
  supportPhone: string | null
}

export interface EntitlementFact {
  id: string
  kind: EntitlementKind
  reference: string
  description: string
  validUntil: string | null
}

export interface PartnerContactFact {
  tenantId: string
  name: string
  email: string | null
  phone: string | null
  relationship: 'reseller' | 'advisor' | 'indirect_provider'
}

/** A service incident affecting the target for the workload (R4); the service-health issue fills it. */
export interface IncidentFact {
  id: string
  title: string
  status: string
  workload: WorkloadId
  startedAt: Date
}

export type TargetFacts =
  | {
      kind: 'own'
      tenantId: string
      tenantName: string
      subscriptions: SubscriptionFact[]
      entitlements: EntitlementFact[]
      /** For a customer administrator: the partners that serve the tenant (R10). */
      partners: PartnerContactFact[]
    }
  | {
      kind: 'customer'
      tenantId: string
      tenantName: string
      subscriptions: SubscriptionFact[]
    }

export interface PolicyFacts {
  now: Date
  actor: ActorFacts
  target: TargetFacts
  /** GDAP between the actor's partner and the target customer (empty otherwise). */
  relationships: RelationshipFact[]
  assignments: AssignmentFact[]
  /** Azure RBAC roles the actor holds, as a user or through (nested) groups, per subscription. */
  azureRoles: { subscriptionId: string; roleName: string }[]
  products: ProductFact[]
  incidents: IncidentFact[]
  /** The vendor's name, for the messages (absent where only the actor's facts are read). */
  vendorName?: string | null
}

export type PolicyAction = 'file' | 'read' | 'change'
/** How the actor reached the request form: through the partner portal, or a workload portal opened directly (R12). */
export type EntryPoint = 'partner_portal' | 'workload_portal'
export type HandledBy = 'vendor' | 'partner'

/** An existing request, for read and change decisions. */
export interface RequestFact {
  tenantId: string
  partnerTenantId: string | null
  handledBy: HandledBy
  workload: WorkloadId
  subscriptionId: string | null
  problemType: ProblemType
  decidedByRule: string
}

export interface PolicyQuestion {
  action: PolicyAction
  workload: WorkloadId
  subscriptionId?: string | undefined
  productId?: string | undefined
  problemType?: ProblemType | undefined
  entryPoint?: EntryPoint | undefined
  /** For a customer administrator: open with the vendor, or contact the partner (R10). */
  handledBy?: HandledBy | undefined
  supportPlan?: SupportPlan | undefined
  entitlementId?: string | undefined
  request?: RequestFact | undefined
}

export type { Severity }
