import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { GdapRelationship } from '../api.ts'
import { GdapStatusBadge } from './GdapStatusBadge.tsx'
import { useTableScrollStyles } from '../../../shared/ui/ListTable.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  group: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
  wide: { width: '28%' },
})

// The API gives "no auto-extension" as a zero ISO duration.
const isZeroDuration = (iso: string) => /^P(T0S|0D)$/.test(iso)

export function RelationshipsTable({
  relationships,
  relationshipHref,
  renewHref,
}: {
  relationships: GdapRelationship[]
  /** Where a relationship's own page is (the app knows); without it names are plain text. */
  relationshipHref?: ((relationshipId: string) => string) | undefined
  /** Where "Renew" on an expired or terminated relationship leads (the new-relationship form). */
  renewHref?: string | undefined
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const scroll = useTableScrollStyles()

  if (relationships.length === 0) {
    return (
      <Text as="p" className={styles.empty} data-testid="gdap-relationships-empty">
        {t('gdap.empty')}
      </Text>
    )
  }

  return (
    <div className={scroll.scroller}>
      <Table className={scroll.wide} aria-labelledby="gdap-title" data-testid="gdap-relationships-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('gdap.column.name')}</TableHeaderCell>
            <TableHeaderCell>{t('gdap.column.status')}</TableHeaderCell>
            <TableHeaderCell>{t('gdap.column.roles')}</TableHeaderCell>
            <TableHeaderCell>{t('gdap.column.endAt')}</TableHeaderCell>
            <TableHeaderCell>{t('gdap.column.autoExtend')}</TableHeaderCell>
            <TableHeaderCell className={styles.wide}>{t('gdap.column.assignments')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {relationships.map((r) => (
            <TableRow key={r.id} data-testid="gdap-relationship-row" data-relationship-id={r.id}>
              <TableCell>
                {relationshipHref ? (
                  <RouterLink to={relationshipHref(r.id)} data-testid="gdap-relationship-link">
                    {r.displayName}
                  </RouterLink>
                ) : (
                  r.displayName
                )}
              </TableCell>
              <TableCell>
                <GdapStatusBadge status={r.status} />
                {renewHref && (r.status === 'expired' || r.status === 'terminated') && (
                  <>
                    {' '}
                    <RouterLink to={renewHref} data-testid="gdap-relationship-renew">
                      {t('daily.home.renew')}
                    </RouterLink>
                  </>
                )}
              </TableCell>
              <TableCell>
                <ul className={styles.list}>
                  {r.roles.map((role) => (
                    <li key={role.id}>{entraRoleName({ id: role.id, name: role.displayName })}</li>
                  ))}
                </ul>
              </TableCell>
              <TableCell>{format.date(r.endAt)}</TableCell>
              <TableCell>
                {isZeroDuration(r.autoExtendDuration)
                  ? t('gdap.autoExtendOff')
                  : t('gdap.autoExtendBy', { duration: format.duration(r.autoExtendDuration) })}
              </TableCell>
              <TableCell className={styles.wide}>
                {r.assignments.length === 0 ? (
                  <span className={styles.muted}>{t('gdap.noAssignments')}</span>
                ) : (
                  <ul className={styles.list}>
                    {r.assignments.map((a) => (
                      <li key={a.id} data-testid="gdap-assignment">
                        <span className={styles.group}>{a.group.displayName}</span>
                        {' → '}
                        {a.roles
                          .map((role) => entraRoleName({ id: role.id, name: role.displayName }))
                          .join(', ')}
                        {a.status !== 'active' && (
                          <Caption1 className={styles.muted}>
                            {' '}
                            ({t(`gdap.assignmentStatus.${a.status}`, { defaultValue: a.status })})
                          </Caption1>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
