import { Badge, Caption1, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { GdapFlag } from '../api.ts'

export const FLAG_COLORS: Record<GdapFlag, BadgeProps['color']> = {
  expiring_soon: 'warning',
  lost_access: 'danger',
  no_support_role: 'warning',
  global_admin: 'severe',
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  hint: { color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorNeutralForeground3 },
})

/** What needs attention, each flag with its short explanation written out (not only in a tooltip). */
export function FlagBadges({ flags }: { flags: GdapFlag[] }) {
  const { t } = useTranslation()
  const styles = useStyles()
  if (flags.length === 0) return <span className={styles.none}>{t('common.none')}</span>
  return (
    <ul className={styles.list}>
      {flags.map((flag) => (
        <li key={flag} className={styles.item} data-testid="gdap-flag" data-flag={flag}>
          <Badge appearance="tint" color={FLAG_COLORS[flag]}>
            {t(`gdapFlag.label.${flag}`)}
          </Badge>
          <Caption1 className={styles.hint}>{t(`gdapFlag.hint.${flag}`)}</Caption1>
        </li>
      ))}
    </ul>
  )
}
