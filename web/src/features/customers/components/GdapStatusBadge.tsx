import { Badge, Caption1, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import type { GdapStatus } from '../api.ts'

const COLORS: Record<GdapStatus | 'none', BadgeProps['color']> = {
  none: 'subtle',
  created: 'informative',
  approvalPending: 'informative',
  approved: 'informative',
  activating: 'informative',
  active: 'success',
  expiring: 'warning',
  terminationRequested: 'warning',
  terminating: 'warning',
  terminated: 'danger',
  expired: 'danger',
}

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  date: { color: tokens.colorNeutralForeground3 },
})

export function GdapStatusBadge({ status }: { status: GdapStatus | 'none' }) {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="tint"
      color={COLORS[status] ?? 'informative'}
      data-testid="gdap-status"
      data-status={status}
    >
      {t(`gdapStatus.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** The badge, and when the relationship ends or ended. */
export function GdapStatusWithEnd({ status, endAt }: { status: GdapStatus | 'none'; endAt: string | null }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const ended = endAt !== null && new Date(endAt).getTime() <= Date.now()
  return (
    <span className={styles.root}>
      <GdapStatusBadge status={status} />
      {endAt && (
        <Caption1 className={styles.date}>
          {t(ended ? 'gdapStatus.endedOn' : 'gdapStatus.endsOn', { date: format.date(endAt) })}
        </Caption1>
      )}
    </span>
  )
}
