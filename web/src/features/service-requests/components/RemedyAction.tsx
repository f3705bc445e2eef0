import { makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular, BranchRegular } from '@fluentui/react-icons'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { Refusal } from '../api.ts'
import { useLifeT } from '../life-t.ts'

/** Service Support Administrator: the least-privileged role for support (R9). */
const SERVICE_SUPPORT_ADMINISTRATOR = 'f023fd81-a637-4b56-95fd-791ac0226033'

/** Refusals whose remedy is a new GDAP relationship with Service Support Administrator. */
const NEW_RELATIONSHIP_REASONS = new Set([
  'gdap_none',
  'gdap_expired',
  'gdap_terminated',
  'gdap_role_insufficient',
])

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'center' },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
})

/** The new-relationship form, pre-filled with the customer and Service Support Administrator. */
export function newRelationshipPath(customerTenantId: string): string {
  const query = new URLSearchParams({ customer: customerTenantId, roles: SERVICE_SUPPORT_ADMINISTRATOR })
  return `/gdap/new?${query.toString()}`
}

/**
 * A remedy's action, when it has one: "ask for a new GDAP relationship with Service Support
 * Administrator" opens the form pre-filled; a GDAP refusal also links to the access trace.
 */
export function RemedyAction({ refusal }: { refusal: Refusal }) {
  const t = useLifeT()
  const styles = useStyles()
  const customer = refusal.customer
  if (!customer || !refusal.reason.startsWith('gdap_')) return null
  return (
    <div className={styles.row} data-testid="remedy-actions">
      {NEW_RELATIONSHIP_REASONS.has(refusal.reason) && (
        <RouterLink to={newRelationshipPath(customer.tenantId)} data-testid="remedy-new-relationship">
          <span className={styles.link}>
            <AddRegular aria-hidden />
            {t('remedy.newRelationship')}
          </span>
        </RouterLink>
      )}
      <RouterLink
        to={`/gdap/trace?customer=${encodeURIComponent(customer.tenantId)}`}
        data-testid="remedy-trace"
      >
        <span className={styles.link}>
          <BranchRegular aria-hidden />
          {t('remedy.trace')}
        </span>
      </RouterLink>
    </div>
  )
}
