import { odataEntity } from '../platform/http/odata-query.ts'
import { GDAP_STATUSES } from './lifecycle.ts'
import type {
  presentAssignment,
  presentOperation,
  presentRelationship,
  presentRequest,
} from './graph-presenters.ts'

const ISO = { type: 'dateTime', filter: true, orderby: true } as const

/** What each list serves to $filter / $orderby / $select (Graph documents these options on every GDAP list). */
export const RELATIONSHIP = odataEntity<ReturnType<typeof presentRelationship>>({
  type: 'microsoft.graph.delegatedAdminRelationship',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: true }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    displayName: { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true },
    duration: { type: 'string', filter: ['eq', 'ne', 'in'] },
    status: { type: 'enum', values: [...GDAP_STATUSES, 'unknownFutureValue'], filter: true, orderby: true },
    autoExtendDuration: { type: 'string', filter: ['eq', 'ne', 'in'] },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
    activatedDateTime: ISO,
    endDateTime: ISO,
    customer: {},
    'customer/tenantId': { type: 'guid', filter: ['eq', 'ne', 'in'], select: false },
    'customer/displayName': {
      type: 'string',
      filter: ['eq', 'ne', 'in', 'startswith'],
      orderby: true,
      select: false,
    },
    accessDetails: {},
  },
})

export const ASSIGNMENT = odataEntity<ReturnType<typeof presentAssignment>>({
  type: 'microsoft.graph.delegatedAdminAccessAssignment',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    status: {
      type: 'enum',
      values: ['pending', 'active', 'deleting', 'deleted', 'error', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
    accessContainer: {},
    'accessContainer/accessContainerId': { type: 'guid', filter: ['eq', 'ne', 'in'], select: false },
    'accessContainer/accessContainerType': {
      type: 'enum',
      values: ['securityGroup', 'unknownFutureValue'],
      filter: ['eq', 'ne'],
      select: false,
    },
    accessDetails: {},
  },
})

export const REQUEST = odataEntity<ReturnType<typeof presentRequest>>({
  type: 'microsoft.graph.delegatedAdminRelationshipRequest',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    action: {
      type: 'enum',
      values: ['lockForApproval', 'approve', 'terminate', 'unknownFutureValue', 'reject'],
      filter: true,
      orderby: true,
    },
    status: {
      type: 'enum',
      values: ['created', 'pending', 'succeeded', 'failed', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
  },
})

export const OPERATION = odataEntity<ReturnType<typeof presentOperation>>({
  type: 'microsoft.graph.delegatedAdminRelationshipOperation',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    operationType: {
      type: 'enum',
      values: [
        'delegatedAdminAccessAssignmentUpdate',
        'unknownFutureValue',
        'delegatedAdminRelationshipUpdate',
      ],
      filter: true,
    },
    status: {
      type: 'enum',
      values: ['notStarted', 'running', 'succeeded', 'failed', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    data: {},
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
  },
})
