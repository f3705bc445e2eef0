import { describe, expect, it } from 'vitest'
import {
  checkAssignment,
  checkNote,
  checkSeverityChange,
  checkStatusMove,
  sideOf,
  statusAfterNote,
} from '../../src/service-requests/desk-rules.ts'

const PARTNER = 'p-1'

describe('desk rules', () => {
  it('when the vendor handles a request, then its engineers respond and everyone else requests', () => {
    const vendorHandled = { handledBy: 'vendor' as const, partnerTenantId: PARTNER }
    expect(sideOf({ ...vendorHandled, actorTenantKind: 'vendor', actorTenantId: 'v' })).toBe('responder')
    expect(sideOf({ ...vendorHandled, actorTenantKind: 'partner', actorTenantId: PARTNER })).toBe('requester')
    expect(sideOf({ ...vendorHandled, actorTenantKind: 'customer', actorTenantId: 'c' })).toBe('requester')
    const partnerHandled = { handledBy: 'partner' as const, partnerTenantId: PARTNER }
    expect(sideOf({ ...partnerHandled, actorTenantKind: 'partner', actorTenantId: PARTNER })).toBe(
      'responder',
    )
    expect(sideOf({ ...partnerHandled, actorTenantKind: 'customer', actorTenantId: 'c' })).toBe('requester')
    expect(sideOf({ ...partnerHandled, actorTenantKind: 'vendor', actorTenantId: 'v' })).toBe('onlooker')
  })

  it('when a status moves, then only the responder asks for information and a closed request is reopened first', () => {
    expect(checkStatusMove('responder', 'open', 'attention_needed')).toBeNull()
    expect(checkStatusMove('requester', 'open', 'attention_needed')).toBe('status_move_not_allowed')
    expect(checkStatusMove('responder', 'closed', 'attention_needed')).toBe('request_closed')
    expect(checkStatusMove('requester', 'attention_needed', 'open')).toBeNull()
    expect(checkStatusMove('requester', 'closed', 'open')).toBeNull()
    expect(checkStatusMove('responder', 'open', 'closed')).toBeNull()
    expect(checkStatusMove('requester', 'closed', 'closed')).toBe('already_in_status')
    expect(checkStatusMove('onlooker', 'open', 'closed')).toBe('onlooker_cannot_change')
  })

  it('when the severity changes, then the responder only lowers it and critical needs a phone', () => {
    expect(checkSeverityChange('requester', 'open', 'minimal', 'critical', true)).toBeNull()
    expect(checkSeverityChange('requester', 'open', 'minimal', 'critical', false)).toBe(
      'critical_needs_phone',
    )
    expect(checkSeverityChange('requester', 'open', 'critical', 'minimal', false)).toBeNull()
    expect(checkSeverityChange('responder', 'open', 'critical', 'moderate', false)).toBeNull()
    expect(checkSeverityChange('responder', 'open', 'minimal', 'moderate', true)).toBe(
      'severity_raise_by_responder',
    )
    expect(checkSeverityChange('requester', 'closed', 'minimal', 'moderate', true)).toBe('request_closed')
  })

  it('when a note is written, then internal ones are the responder’s and answers move the status', () => {
    expect(checkNote('responder', 'open', true)).toBeNull()
    expect(checkNote('requester', 'open', true)).toBe('internal_notes_responder_only')
    expect(checkNote('requester', 'closed', false)).toBe('request_closed')
    expect(statusAfterNote('requester', 'attention_needed', false, false)).toBe('open')
    expect(statusAfterNote('responder', 'open', false, true)).toBe('attention_needed')
    expect(statusAfterNote('responder', 'open', true, true)).toBe('open')
    expect(statusAfterNote('requester', 'open', false, true)).toBe('open')
  })

  it('when a request waits for information, then only its addressee (requester or contact) answers; others on that side read, and add notes again once it is open', () => {
    expect(checkNote('requester', 'attention_needed', false, true)).toBeNull()
    expect(checkNote('requester', 'attention_needed', false, false)).toBe('answer_by_addressee_only')
    expect(checkNote('requester', 'open', false, false)).toBeNull()
    expect(checkNote('responder', 'attention_needed', false, false)).toBeNull()
  })

  it('when a request is assigned, then only the side that works it assigns it — the vendor its requests, the partner those its customers sent it', () => {
    expect(checkAssignment('responder', 'vendor')).toBeNull()
    expect(checkAssignment('responder', 'partner')).toBeNull()
    expect(checkAssignment('requester', 'vendor')).toBe('assignment_vendor_only')
    expect(checkAssignment('requester', 'partner')).toBe('assignment_responder_only')
    expect(checkAssignment('onlooker', 'partner')).toBe('assignment_responder_only')
  })
})
