import Type from 'typebox'
import { Nullable } from '../platform/http/contract.ts'

/**
 * The contract of GET /api/advice: the policy's decision as presentDecision presents it. Fastify
 * sends only what this schema names, and the OpenAPI document (from which the portal's types
 * come) says exactly this. Pure TypeBox.
 */

export const RuleIdSchema = Type.Enum([
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
])
const AdviceWorkloadSchema = Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace'])
const AdviceHandledBySchema = Type.Enum(['vendor', 'partner'])

export const PolicyCheckSchema = Type.Object({
  rule: RuleIdSchema,
  check: Type.String({ description: 'the check’s machine name' }),
  ok: Type.Boolean(),
  label: Type.String({ description: 'the check in the caller’s language' }),
})

export const IsvContactsSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isvName: Type.String(),
  supportUrl: Nullable(Type.String()),
  supportEmail: Nullable(Type.String()),
  supportPhone: Nullable(Type.String()),
})

export const PartnerContactSchema = Type.Object({
  tenantId: Type.String(),
  name: Type.String(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  relationship: Type.Enum(['reseller', 'advisor', 'indirect_provider']),
})

export const AlternativeSchema = Type.Object({
  rule: RuleIdSchema,
  problemType: Type.Optional(Type.Enum(['technical', 'billing', 'subscription_management', 'quota'])),
  handledBy: Type.Optional(AdviceHandledBySchema),
})

export const GrantSchema = Type.Object({
  relationshipId: Type.String(),
  relationshipName: Type.String(),
  assignmentId: Type.String(),
  groupName: Type.String(),
  roleId: Type.String(),
  roleName: Type.String(),
})

export const AdviceSchema = Type.Object({
  allowed: Type.Boolean(),
  rule: Nullable(RuleIdSchema),
  reason: Type.String({ description: 'the decision’s machine reason' }),
  message: Type.String(),
  remedy: Nullable(Type.String()),
  workload: AdviceWorkloadSchema,
  tenant: Type.Object({
    tenantId: Type.String(),
    name: Type.String(),
    kind: Type.Enum(['own', 'customer']),
  }),
  portal: Nullable(Type.Enum(['azure', 'm365'])),
  context: Nullable(Type.Enum(['delegated', 'provider', 'own', 'customer', 'vendor'])),
  supportPlan: Nullable(Type.String({ description: 'the support plan, named in the caller’s language' })),
  supportPlanKind: Nullable(Type.String()),
  entitlementId: Nullable(Type.String()),
  contact: Nullable(Type.Enum(['partner', 'customer'])),
  handledBy: Nullable(AdviceHandledBySchema),
  subscription: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  grant: Nullable(GrantSchema),
  firstResponseMinutes: Nullable(
    Type.Object({ minimal: Type.Number(), moderate: Type.Number(), critical: Type.Number() }),
  ),
  checks: Type.Array(PolicyCheckSchema),
  isv: Nullable(IsvContactsSchema),
  partners: Type.Array(PartnerContactSchema),
  alternatives: Type.Array(AlternativeSchema),
  incidents: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      status: Type.String(),
      workload: AdviceWorkloadSchema,
      startedAt: Type.String({ format: 'date-time' }),
    }),
  ),
})
