import type { ColumnType, Generated } from 'kysely'

/** Kysely's view of the schema the migrations create. Keep in step with `migrations/`. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
/** `date` columns are parsed as 'YYYY-MM-DD' strings on both engines (no time-zone shift). */
type DateOnly = ColumnType<string | null, string | null | undefined, string | null>
type Json<T> = ColumnType<T, string, string>

export type TenantKind = 'partner' | 'customer' | 'vendor'
export type PartnerType = 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
export type UserRole =
  'admin_agent' | 'helpdesk_agent' | 'sales_agent' | 'global_admin' | 'billing_admin' | 'support_engineer'
export type CustomerRelationshipKind = 'reseller' | 'advisor'
export type WorkloadId = 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
export type Channel = 'csp' | 'direct'
export type Billing = 'trial' | 'paid'
export type SubscriptionStatus = 'active' | 'suspended' | 'deleted'
export type AzureRoleName = 'Owner' | 'Contributor' | 'Reader' | 'Support Request Contributor'
export type GdapStatus =
  | 'created'
  | 'approvalPending'
  | 'approved'
  | 'activating'
  | 'active'
  | 'expiring'
  | 'terminationRequested'
  | 'terminating'
  | 'terminated'
  | 'expired'
export type AssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
export type EntitlementKind = 'partner_agreement' | 'premier' | 'azure_support_plan'

export interface TenantsTable {
  id: string
  kind: TenantKind
  display_name: string
  default_domain: string
  locale: string
  country: string
  created_at: CreatedAt
}

export interface PartnersTable {
  tenant_id: string
  partner_type: PartnerType
  mpn_id: string
  support_email: string | null
  support_phone: string | null
}

export interface PartnerProviderLinksTable {
  reseller_tenant_id: string
  provider_tenant_id: string
  created_at: CreatedAt
}

export interface UsersTable {
  id: string
  tenant_id: string
  email: string
  display_name: string
  given_name: string | null
  surname: string | null
  phone: string | null
  locale: string | null
  password_hash: string | null
  disabled: Generated<boolean>
  created_at: CreatedAt
}

export interface UserRolesTable {
  user_id: string
  role: UserRole
}

export interface SecurityGroupsTable {
  id: string
  tenant_id: string
  display_name: string
  description: string | null
  created_at: CreatedAt
}

export interface GroupUserMembersTable {
  group_id: string
  user_id: string
}

export interface GroupGroupMembersTable {
  group_id: string
  member_group_id: string
}

export interface CustomerRelationshipsTable {
  customer_tenant_id: string
  partner_tenant_id: string
  relationship: CustomerRelationshipKind
  indirect_provider_tenant_id: string | null
  created_at: CreatedAt
}

export interface WorkloadsTable {
  id: WorkloadId
  name_en: string
  name_it: string
  portal: 'azure' | 'm365' | 'marketplace'
  vendor_supported: boolean
  sort_order: number
}

export interface MarketplaceProductsTable {
  id: string
  name: string
  isv_name: string
  description: string | null
  support_url: string | null
  support_email: string | null
  support_phone: string | null
}

export interface SubscriptionsTable {
  id: string
  tenant_id: string
  workload_id: WorkloadId
  offer_id: string
  offer_name: string
  friendly_name: string
  channel: Channel
  billing: Billing
  provider_tenant_id: string | null
  reseller_tenant_id: string | null
  marketplace_product_id: string | null
  status: SubscriptionStatus
  quantity: Generated<number>
  created_at: CreatedAt
  commitment_end_date: DateOnly
}

export interface AzureRoleAssignmentsTable {
  id: string
  subscription_id: string
  principal_kind: 'user' | 'group'
  principal_id: string
  role_name: AzureRoleName
  created_at: CreatedAt
}

export interface DirectoryRolesTable {
  id: string
  display_name: string
  description_en: string
  description_it: string
  files_m365_tickets: boolean
  reads_service_health: boolean
  is_privileged: boolean
}

export interface GdapRelationshipsTable {
  id: string
  display_name: string
  partner_tenant_id: string
  customer_tenant_id: string | null
  status: GdapStatus
  duration: string
  auto_extend_duration: Generated<string>
  created_at: CreatedAt
  last_modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  activated_at: NullableTimestamp
  end_at: NullableTimestamp
  version: Generated<number>
  approval_requested_at: NullableTimestamp
  created_by_user_id: string | null
}

export interface GdapRelationshipRolesTable {
  relationship_id: string
  role_id: string
}

export interface GdapAccessAssignmentsTable {
  id: string
  relationship_id: string
  security_group_id: string
  status: AssignmentStatus
  created_at: CreatedAt
  last_modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  version: Generated<number>
  pending_roles: ColumnType<string[] | null, string | null | undefined, string | null>
}

export type GdapRequestAction = 'lockForApproval' | 'approve' | 'reject' | 'terminate'

export interface GdapRequestsTable {
  id: string
  relationship_id: string
  action: GdapRequestAction
  status: 'created' | 'pending' | 'succeeded' | 'failed'
  requested_by_user_id: string | null
  requested_by_tenant_id: string | null
  created_at: CreatedAt
  last_modified_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface GdapOperationsTable {
  id: string
  relationship_id: string
  assignment_id: string | null
  operation_type: 'delegatedAdminAccessAssignmentUpdate'
  data: Json<Record<string, unknown>>
  status: 'notStarted' | 'running' | 'succeeded' | 'failed'
  created_at: CreatedAt
  last_modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  version: Generated<number>
}

export interface NotificationsTable {
  id: Generated<number>
  user_id: string
  kind: string
  params: Json<Record<string, string>>
  link: string | null
  dedupe_key: string
  created_at: CreatedAt
  read_at: NullableTimestamp
}

export interface GdapAssignmentRolesTable {
  assignment_id: string
  role_id: string
}

export interface SupportEntitlementsTable {
  id: string
  partner_tenant_id: string
  kind: EntitlementKind
  reference: string
  description: string
  valid_until: DateOnly
  created_at: CreatedAt
}

export interface SigningKeysTable {
  kid: string
  alg: string
  private_jwk: Json<Record<string, unknown>>
  public_jwk: Json<Record<string, unknown>>
  created_at: CreatedAt
}

export interface SessionsTable {
  id_hash: string
  user_id: string
  csrf_token: string
  created_at: CreatedAt
  expires_at: Timestamp
}

export interface RateLimitsTable {
  key: string
  hits: number
  reset_at: Timestamp
}

export interface AppMetaTable {
  key: string
  value: Json<unknown>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export type Severity = 'minimal' | 'moderate' | 'critical'
export type RequestStatus = 'open' | 'attention_needed' | 'closed'
export type ProblemType = 'technical' | 'billing' | 'subscription_management' | 'quota'
export type SupportPlan =
  'csp' | 'partner_agreement' | 'premier' | 'azure_support_plan' | 'customer' | 'partner'

export interface SupportTopicsTable {
  id: string
  workload_id: WorkloadId
  name_en: string
  name_it: string
  common: boolean
  sort_order: number
}

export interface RequestContact {
  userId: string | null
  name: string
  email: string
  phone: string | null
  tenantId: string
  preferredLanguage: string
}

export interface RequestDelegation {
  partnerTenantId: string
  partnerName: string
  relationshipId: string | null
  relationshipName: string | null
  roleName: string | null
  groupName: string | null
}

export interface ServiceRequestsTable {
  id: string
  tenant_id: string
  partner_tenant_id: string | null
  handled_by: 'vendor' | 'partner'
  workload_id: WorkloadId
  subscription_id: string | null
  problem_type: ProblemType
  support_topic_id: string | null
  title: string
  description: string
  severity: Severity
  status: RequestStatus
  contact: Json<RequestContact>
  created_by_user_id: string | null
  created_by_tenant_id: string
  delegation: ColumnType<RequestDelegation | null, string | null, string | null>
  decided_by_rule: string
  support_plan: SupportPlan
  entitlement_id: string | null
  locale: string
  country: string
  created_at: CreatedAt
  modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  closed_at: NullableTimestamp
  first_response_due_at: NullableTimestamp
  version: Generated<number>
  arm_name: string | null
  azure_service_id: string | null
  azure_problem_classification_id: string | null
  arm_contact: ColumnType<ArmContact | null, string | null, string | null>
  technical_resource_id: string | null
  problem_start_at: NullableTimestamp
  sla_started_at: NullableTimestamp
  arm_details: ColumnType<Record<string, unknown> | null, string | null, string | null>
  linked_incident_id: string | null
  assigned_to_user_id: string | null
  first_response_at: NullableTimestamp
  sla_breached_at: NullableTimestamp
  external_reference: string | null
  /** Maintained by triggers (migration 0006); never written by the code. */
  search_public: ColumnType<string, never, never>
  search_internal: ColumnType<string, never, never>
}

/** The contact profile of an Azure support ticket, as ARM carries it. */
export interface ArmContact {
  firstName: string
  lastName: string
  preferredContactMethod: 'email' | 'phone'
  primaryEmailAddress: string
  additionalEmailAddresses?: string[]
  phoneNumber?: string
  preferredTimeZone: string
  country: string
  preferredSupportLanguage: string
}

export interface AzureServicesTable {
  id: string
  display_name_en: string
  display_name_it: string
  resource_types: Json<string[]>
  problem_type: ProblemType
  sort_order: number
}

export interface AzureProblemClassificationsTable {
  id: string
  service_id: string
  display_name_en: string
  display_name_it: string
  sort_order: number
}

export interface ArmOperationsTable {
  id: string
  subscription_id: string
  resource_id: string
  status: 'InProgress' | 'Succeeded' | 'Failed'
  error: ColumnType<Record<string, unknown> | null, string | null, string | null>
  created_at: CreatedAt
  finished_at: NullableTimestamp
}

export interface ServiceRequestNotesTable {
  id: Generated<number>
  request_id: string
  author_user_id: string | null
  author_name: string
  author_tenant_id: string
  text: string
  created_at: CreatedAt
  arm_name: string | null
  subject: string | null
  direction: Generated<'inbound' | 'outbound'>
  sender: string | null
  visibility: Generated<NoteVisibility>
}

export type NoteVisibility = 'public' | 'internal'

export interface ServiceRequestAttachmentsTable {
  id: string
  request_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  content: Uint8Array
  visibility: Generated<NoteVisibility>
  uploaded_by_user_id: string | null
  uploaded_by_name: string
  uploaded_by_tenant_id: string
  created_at: CreatedAt
}

export interface IdempotencyKeysTable {
  user_id: string
  key: string
  scope: string
  request_hash: string
  resource_id: string
  created_at: CreatedAt
}

export type OutboxStatus = 'pending' | 'sent' | 'failed'

export interface EmailOutboxTable {
  id: Generated<number>
  dedupe_key: string
  request_id: string | null
  to_address: string
  locale: string
  subject: string
  body_text: string
  body_html: string
  thread_id: string | null
  status: Generated<OutboxStatus>
  attempts: Generated<number>
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>
  locked_until: NullableTimestamp
  last_error: string | null
  message_id: string | null
  created_at: CreatedAt
  sent_at: NullableTimestamp
}

export interface WebhookSubscriptionsTable {
  id: string
  tenant_id: string
  url: string
  description: string | null
  secret: string
  events: Json<string[]>
  active: Generated<boolean>
  created_by_user_id: string | null
  created_at: CreatedAt
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface WebhookDeliveriesTable {
  id: Generated<number>
  subscription_id: string
  event_id: string
  event_type: string
  payload: Json<Record<string, unknown>>
  status: Generated<DeliveryStatus>
  attempts: Generated<number>
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>
  locked_until: NullableTimestamp
  last_status_code: number | null
  last_error: string | null
  created_at: CreatedAt
  delivered_at: NullableTimestamp
}

export interface AuditEventsTable {
  id: Generated<number>
  at: CreatedAt
  actor_user_id: string | null
  actor_email: string | null
  actor_tenant_id: string | null
  tenant_id: string | null
  relationship_id: string | null
  role_name: string | null
  action: string
  target_type: string | null
  target_id: string | null
  rule: string | null
  result: 'allowed' | 'refused' | 'done'
  reason: string | null
  details: ColumnType<Record<string, unknown>, string | undefined, never>
}

export type IncidentStatus =
  | 'serviceOperational'
  | 'investigating'
  | 'restoringService'
  | 'verifyingService'
  | 'serviceRestored'
  | 'postIncidentReviewPublished'
  | 'serviceDegradation'
  | 'serviceInterruption'
  | 'extendedRecovery'
  | 'falsePositive'
  | 'investigationSuspended'
  | 'resolved'
  | 'mitigatedExternal'
  | 'mitigated'
  | 'resolvedExternal'
  | 'confirmed'
  | 'reported'

export interface HealthServicesTable {
  id: string
  workload_id: WorkloadId
  display_name: string
  incident_prefix: string
  sort_order: number
}

export interface IncidentsTable {
  id: string
  title: string
  classification: 'incident' | 'advisory'
  origin: Generated<'microsoft' | 'thirdParty' | 'customer'>
  status: IncidentStatus
  is_resolved: boolean
  feature: string | null
  feature_group: string | null
  impact_description: string
  high_impact: Generated<boolean>
  all_tenants: boolean
  start_at: Timestamp
  end_at: NullableTimestamp
  created_at: CreatedAt
  last_modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  created_by_user_id: string | null
  version: Generated<number>
}

export interface IncidentServicesTable {
  incident_id: string
  service_id: string
  is_primary: Generated<boolean>
}

export interface IncidentTenantsTable {
  incident_id: string
  tenant_id: string
}

export interface IncidentPostsTable {
  id: Generated<number>
  incident_id: string
  post_type: 'regular' | 'quick' | 'strategic'
  status: string
  content: string
  created_by_user_id: string | null
  created_at: CreatedAt
}

export interface IncidentFollowersTable {
  incident_id: string
  user_id: string
  created_at: CreatedAt
}

export interface Database {
  tenants: TenantsTable
  partners: PartnersTable
  partner_provider_links: PartnerProviderLinksTable
  users: UsersTable
  user_roles: UserRolesTable
  security_groups: SecurityGroupsTable
  group_user_members: GroupUserMembersTable
  group_group_members: GroupGroupMembersTable
  customer_relationships: CustomerRelationshipsTable
  workloads: WorkloadsTable
  marketplace_products: MarketplaceProductsTable
  subscriptions: SubscriptionsTable
  azure_role_assignments: AzureRoleAssignmentsTable
  directory_roles: DirectoryRolesTable
  gdap_relationships: GdapRelationshipsTable
  gdap_relationship_roles: GdapRelationshipRolesTable
  gdap_access_assignments: GdapAccessAssignmentsTable
  gdap_assignment_roles: GdapAssignmentRolesTable
  support_entitlements: SupportEntitlementsTable
  signing_keys: SigningKeysTable
  sessions: SessionsTable
  rate_limits: RateLimitsTable
  app_meta: AppMetaTable
  support_topics: SupportTopicsTable
  service_requests: ServiceRequestsTable
  service_request_notes: ServiceRequestNotesTable
  audit_events: AuditEventsTable
  gdap_requests: GdapRequestsTable
  gdap_operations: GdapOperationsTable
  notifications: NotificationsTable
  azure_services: AzureServicesTable
  azure_problem_classifications: AzureProblemClassificationsTable
  arm_operations: ArmOperationsTable
  health_services: HealthServicesTable
  incidents: IncidentsTable
  incident_services: IncidentServicesTable
  incident_tenants: IncidentTenantsTable
  incident_posts: IncidentPostsTable
  incident_followers: IncidentFollowersTable
  service_request_attachments: ServiceRequestAttachmentsTable
  idempotency_keys: IdempotencyKeysTable
  email_outbox: EmailOutboxTable
  webhook_subscriptions: WebhookSubscriptionsTable
  webhook_deliveries: WebhookDeliveriesTable
}
