import type { GdapStatus } from '../platform/db/schema.ts'

/**
 * The status a relationship has at instant `now`. The stored status is what the lifecycle last
 * wrote; time moves it on by itself: an active (or expiring) relationship past its end date is
 * expired, whether or not a job has run since.
 */
export function effectiveStatus(stored: GdapStatus, endAt: Date | null, now: Date): GdapStatus {
  if ((stored === 'active' || stored === 'expiring') && endAt && endAt.getTime() <= now.getTime())
    return 'expired'
  return stored
}

/** Statuses in which a relationship gives its roles to assigned groups. */
export function grantsAccess(status: GdapStatus): boolean {
  return status === 'active' || status === 'expiring'
}
