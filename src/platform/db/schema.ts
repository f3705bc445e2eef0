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
  | 'admin_agent'
  | 'helpdesk_agent'
  | 'sales_agent'
  | 'global_admin'
  | 'billing_admin'
  | 'support_engineer'
  | 'auditor'
/** The roles membership of a partner's AdminAgents / HelpdeskAgents / SalesAgents group confers. */
export type PartnerRole = 'admin_agent' | 'helpdesk_agent' | 'sales_agent'
export type TenantStatus = 'active' | 'suspended'
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
  status: Generated<TenantStatus>
  suspended_at: NullableTimestamp
  /** Defaults to true for partner tenants, false otherwise (a trigger; migration 0013). */
  require_mfa: Generated<boolean>
  /** Single sign-on may create a user on their first sign-in (off by default). */
  jit_users: Generated<boolean>
}

export interface PartnersTable {
  tenant_id: string
  partner_type: PartnerType
  mpn_id: string
  support_email: string | null
  support_phone: string | null
  support_website: ColumnType<string | null, string | null | undefined, string | null>
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
  job_title: ColumnType<string | null, string | null | undefined, string | null>
  /** Set when the user is deleted: the row stays for history, sign-in and memberships go. */
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
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
  partner_role: ColumnType<PartnerRole | null, PartnerRole | null | undefined, PartnerRole | null>
  mail_nickname: ColumnType<string | null, string | null | undefined, string | null>
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
  created_at: CreatedAt
  /** A retired product is no longer offered; the subscriptions that bought it keep it. */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
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
  order_id: ColumnType<string | null, string | null | undefined, string | null>
  term_duration: ColumnType<TermDuration | null, TermDuration | null | undefined, TermDuration | null>
  billing_cycle: ColumnType<BillingCycle | null, BillingCycle | null | undefined, BillingCycle | null>
  support_contact_tenant_id: ColumnType<string | null, string | null | undefined, string | null>
  suspension_reasons: ColumnType<string[], string | undefined, string>
  version: Generated<number>
  modified_at: ColumnType<Date, Date | string | undefined, Date | string>
  recorded_by_user_id: ColumnType<string | null, string | null | undefined, string | null>
}

export type TermDuration = 'P1M' | 'P1Y' | 'P3Y'
export type BillingCycle = 'monthly' | 'annual' | 'none' | 'one_time' | 'triennial'

/** A tenant's company profile and billing contact (Partner Center's company, billing and organization profiles). */
export interface TenantProfilesTable {
  tenant_id: string
  email: string | null
  phone: string | null
  address_line1: string | null
  address_line2: string | null
  address_line3: string | null
  city: string | null
  state: string | null
  postal_code: string | null
  organization_registration_number: string | null
  billing_first_name: string | null
  billing_last_name: string | null
  billing_email: string | null
  version: Generated<number>
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ServicePlan {
  id: string
  displayName: string
  serviceName: string
  targetType: 'User' | 'Tenant'
}

export interface OffersTable {
  id: string
  workload_id: WorkloadId
  name_en: string
  name_it: string
  description_en: string
  description_it: string
  product_id: string
  product_name: string
  billing: 'license' | 'usage'
  is_trial: boolean
  conversion_target_offer_ids: Json<string[]>
  trial_days: number | null
  term_durations: Json<TermDuration[]>
  billing_cycles: Json<BillingCycle[]>
  min_quantity: number
  max_quantity: number
  countries: Json<string[]>
  sku_id: string | null
  sku_part_number: string | null
  service_plans: Json<ServicePlan[]>
  available: boolean
  sort_order: number
}

export type OrderStatus = 'pending' | 'completed' | 'cancelled'

export interface OrdersTable {
  id: string
  customer_tenant_id: string
  partner_tenant_id: string
  reseller_tenant_id: string | null
  billing_cycle: BillingCycle
  currency_code: string
  status: OrderStatus
  created_by_user_id: string | null
  created_at: CreatedAt
}

export interface OrderLineItemsTable {
  order_id: string
  line_item_number: number
  offer_id: string
  subscription_id: string | null
  friendly_name: string
  quantity: number
  term_duration: TermDuration | null
}

export interface AzureRoleAssignmentsTable {
  id: string
  subscription_id: string
  principal_kind: 'user' | 'group'
  principal_id: string
  role_name: AzureRoleName
  created_at: CreatedAt
  created_by_user_id: ColumnType<string | null, string | null | undefined, string | null>
  description: ColumnType<string | null, string | null | undefined, string | null>
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

export type NotificationChannel = 'app' | 'email' | 'both' | 'none'

export interface NotificationPreferencesTable {
  user_id: string
  topic: string
  channel: NotificationChannel
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
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
  removed_at: NullableTimestamp
}

/** A single-use link that lets a person set their password (an invitation). */
export interface UserInvitationsTable {
  id: string
  user_id: string
  token_hash: string
  created_by_user_id: string | null
  created_at: CreatedAt
  expires_at: Timestamp
  accepted_at: NullableTimestamp
  revoked_at: NullableTimestamp
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
  /** How the person signed in (RFC 8176: pwd, otp, hwk, swk, mfa, fed). */
  amr: ColumnType<string[], string | undefined, string>
  /** 'mfa' while the session waits for the second factor (it authenticates nothing yet). */
  stage: ColumnType<'mfa' | 'complete', 'mfa' | 'complete' | undefined, 'mfa' | 'complete'>
  mfa_failures: Generated<number>
  webauthn_challenge: ColumnType<string | null, string | null | undefined, string | null>
  user_agent: ColumnType<string | null, string | null | undefined, string | null>
  ip_address: ColumnType<string | null, string | null | undefined, string | null>
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>
  identity_provider_id: ColumnType<string | null, string | null | undefined, string | null>
  id_token: ColumnType<string | null, string | null | undefined, string | null>
  public_id: Generated<string>
}

export interface MfaFactorsTable {
  id: string
  user_id: string
  kind: 'totp' | 'passkey'
  label: string
  secret_sealed: string | null
  confirmed: Generated<boolean>
  last_step: number | null
  credential_id: string | null
  public_key: string | null
  sign_count: Generated<number>
  transports: ColumnType<string[], string | undefined, string>
  created_at: CreatedAt
  last_used_at: NullableTimestamp
}

export interface MfaRecoveryCodesTable {
  user_id: string
  code_hash: string
  used_at: NullableTimestamp
  created_at: CreatedAt
}

export interface PasswordResetsTable {
  token_hash: string
  user_id: string
  created_at: CreatedAt
  expires_at: Timestamp
  used_at: NullableTimestamp
}

export interface IdentityProvidersTable {
  id: string
  tenant_id: string
  issuer: string
  client_id: string
  client_secret_sealed: string
  groups_claim: string | null
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface IdentityProviderDomainsTable {
  domain: string
  provider_id: string
}

export interface IdentityProviderGroupMapsTable {
  provider_id: string
  claim_value: string
  group_id: string
}

export interface SsoRequestsTable {
  state_hash: string
  provider_id: string
  code_verifier: string
  nonce: string
  login_hint: string | null
  return_to: string | null
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
  /** The customer's request (handled by the partner) this one escalates to the vendor (migration 0023). */
  escalation_of: ColumnType<string | null, string | null | undefined, string | null>
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
  /** null for an operation started at tenant scope (then tenant_id says whose) */
  subscription_id: string | null
  tenant_id: string | null
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

/** One change in a request's life, as its timeline shows it (migration 0023). */
export interface ServiceRequestEventsTable {
  id: string
  request_id: string
  type: string
  at: Date
  actor_user_id: string | null
  actor_name: string
  actor_tenant_id: string | null
  actor_side: string
  visibility: NoteVisibility
  details: ColumnType<Record<string, unknown>, string, never>
  /** The order changes were recorded in (several may share `at`). */
  seq: Generated<string>
}

/** A person's own saved view of the requests list (migration 0025). */
export interface SavedViewsTable {
  id: string
  user_id: string
  name: string
  /** The list's query string, only its filter keys (e.g. `status=open&severity=critical`). */
  query: string
  created_at: CreatedAt
}

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
  /** The app registration a token was issued to (null for sessions and `tramite token`). */
  application_id: ColumnType<string | null, string | null | undefined, never>
}

/** One audit event's place in the chain (docs/audit.md); append-only. */
export interface AuditSealsTable {
  event_id: number
  prev_event_id: number | null
  content_hash: string
  chain_hash: string
  sealed_at: CreatedAt
}

export interface AuditChainStateTable {
  id: number
  sealed_through: Generated<number>
  horizon_event_id: number | null
  horizon_waits: Generated<string[]>
  horizon_at: NullableTimestamp
  anchor_lease_until: NullableTimestamp
  checked_at: NullableTimestamp
  check_status: 'intact' | 'broken' | null
  check_report: ColumnType<Record<string, unknown> | null, string | null, string | null>
  sweep_after: Generated<number>
}

export interface AuditAnchorsTable {
  id: Generated<number>
  event_id: number
  chain_hash: string
  target: string
  anchored_at: CreatedAt
  receipt: string | null
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
  mfa_factors: MfaFactorsTable
  mfa_recovery_codes: MfaRecoveryCodesTable
  password_resets: PasswordResetsTable
  identity_providers: IdentityProvidersTable
  identity_provider_domains: IdentityProviderDomainsTable
  identity_provider_group_maps: IdentityProviderGroupMapsTable
  sso_requests: SsoRequestsTable
  app_meta: AppMetaTable
  support_topics: SupportTopicsTable
  service_requests: ServiceRequestsTable
  service_request_notes: ServiceRequestNotesTable
  service_request_events: ServiceRequestEventsTable
  saved_views: SavedViewsTable
  audit_events: AuditEventsTable
  audit_seals: AuditSealsTable
  audit_chain_state: AuditChainStateTable
  audit_anchors: AuditAnchorsTable
  gdap_requests: GdapRequestsTable
  gdap_operations: GdapOperationsTable
  notifications: NotificationsTable
  notification_preferences: NotificationPreferencesTable
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
  app_registrations: AppRegistrationsTable
  app_client_secrets: AppClientSecretsTable
  app_certificates: AppCertificatesTable
  app_permissions: AppPermissionsTable
  app_user_consents: AppUserConsentsTable
  oauth_authorization_codes: OAuthAuthorizationCodesTable
  oauth_refresh_tokens: OAuthRefreshTokensTable
  oauth_device_codes: OAuthDeviceCodesTable
  user_invitations: UserInvitationsTable
  tenant_profiles: TenantProfilesTable
  offers: OffersTable
  orders: OrdersTable
  order_line_items: OrderLineItemsTable
}

export type PermissionKind = 'delegated' | 'application'

export interface AppRegistrationsTable {
  id: string
  client_id: string
  tenant_id: string
  display_name: string
  public_client: boolean
  redirect_uris: Json<string[]>
  created_by_user_id: string | null
  created_at: CreatedAt
}

export interface AppClientSecretsTable {
  id: string
  application_id: string
  description: string
  hint: string
  secret_hash: string
  expires_at: Timestamp
  created_at: CreatedAt
}

export interface AppCertificatesTable {
  id: string
  application_id: string
  description: string
  thumbprint_sha1: string
  thumbprint_sha256: string
  subject: string
  certificate_pem: string
  not_before: Timestamp
  expires_at: Timestamp
  created_at: CreatedAt
}

export interface AppPermissionsTable {
  application_id: string
  resource: string
  permission: string
  kind: PermissionKind
  consented_at: NullableTimestamp
  consented_by_user_id: string | null
}

export interface AppUserConsentsTable {
  application_id: string
  user_id: string
  resource: string
  permission: string
  granted_at: CreatedAt
}

export interface OAuthAuthorizationCodesTable {
  code_hash: string
  application_id: string
  user_id: string
  tenant_id: string
  redirect_uri: string
  scope: string
  code_challenge: string | null
  code_challenge_method: string | null
  nonce: string | null
  amr: Json<string[]>
  auth_time: Timestamp
  expires_at: Timestamp
}

export interface OAuthRefreshTokensTable {
  token_hash: string
  application_id: string
  user_id: string
  amr: Json<string[]>
  auth_time: Timestamp
  created_at: CreatedAt
  expires_at: Timestamp
}

export interface OAuthDeviceCodesTable {
  device_code_hash: string
  user_code: string
  application_id: string
  tenant_id: string | null
  scope: string
  status: ColumnType<'pending' | 'approved' | 'declined', 'pending' | undefined, 'approved' | 'declined'>
  user_id: string | null
  amr: ColumnType<string[] | null, string | null | undefined, string | null>
  auth_time: NullableTimestamp
  interval_seconds: number
  last_polled_at: NullableTimestamp
  created_at: CreatedAt
  expires_at: Timestamp
}
