import {
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, PersonSearch20Regular, ShieldKeyholeRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  FLAGS,
  autoExtends,
  isEnded,
  listRelationshipOverview,
  type GdapFlag,
  type RelationshipSummary,
} from '../api.ts'
import type { GdapViewer } from '../viewer.ts'
import { FlagBadges } from './FlagBadges.tsx'
import { AssignmentStatusBadge, RelationshipStatusBadge } from './StatusBadges.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  chipCount: { marginLeft: tokens.spacingHorizontalXS },
  table: { minWidth: '1080px' },
  name: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  group: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  attention: { minWidth: '220px' },
  note: { marginBottom: tokens.spacingVerticalM },
})

const flagOf = (value: string | null): GdapFlag | undefined =>
  FLAGS.includes(value as GdapFlag) ? (value as GdapFlag) : undefined

/** GDAP relationships across all the partner's customers, with what needs attention. */
export function GdapListPage({ viewer }: { viewer: GdapViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const location = useLocation()
  const deleted = (location.state as { deleted?: string } | null)?.deleted
  useDocumentTitle(t('gdapList.title'))
  const [params, setParams] = useSearchParams()
  const flag = flagOf(params.get('flag'))
  const overview = useApiResource((signal) => listRelationshipOverview(flag, signal), [flag])
  const data = overview.data

  const chip = (value: GdapFlag | undefined, label: string, count: number | undefined) => (
    <ToggleButton
      key={value ?? 'all'}
      shape="circular"
      size="small"
      checked={flag === value}
      appearance={flag === value ? 'primary' : 'secondary'}
      onClick={() => setParams(value ? { flag: value } : {})}
      data-testid="gdap-filter"
      data-flag={value ?? 'all'}
      data-count={count ?? ''}
    >
      {label}
      {count !== undefined && (
        <CounterBadge
          className={styles.chipCount}
          count={count}
          showZero
          size="small"
          appearance="filled"
          color={value && count > 0 ? 'danger' : 'informative'}
        />
      )}
    </ToggleButton>
  )

  return (
    <>
      <PageHeader
        title={t('gdapList.title')}
        description={t('gdapList.intro')}
        actions={
          <>
            <Button
              icon={<PersonSearch20Regular />}
              onClick={() => void navigate('/gdap/trace')}
              data-testid="gdap-open-trace"
            >
              {t('gdapList.traceAccess')}
            </Button>
            {viewer.canManage && (
              <Button
                appearance="primary"
                icon={<AddRegular />}
                onClick={() => void navigate('/gdap/new')}
                data-testid="gdap-new"
              >
                {t('gdapList.newRelationship')}
              </Button>
            )}
          </>
        }
      />
      {deleted && (
        <MessageBar intent="success" className={styles.note} data-testid="gdap-deleted">
          <MessageBarBody>{t('gdapList.deleted', { name: deleted })}</MessageBarBody>
        </MessageBar>
      )}
      {!viewer.canManage && (
        <MessageBar intent="info" className={styles.note} data-testid="gdap-read-only">
          <MessageBarBody>{t('gdapList.readOnly')}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.chips} role="group" aria-label={t('gdapList.filterLabel')}>
        {chip(undefined, t('gdapList.filterAll'), data?.total)}
        {FLAGS.map((f) => chip(f, t(`gdapFlag.label.${f}`), data?.counts[f]))}
      </div>

      {overview.error && <ErrorMessage error={overview.error} onRetry={overview.reload} />}
      {!data && overview.loading && <LoadingState label={t('gdapList.loading')} />}
      {data && data.items.length === 0 && (
        <EmptyState
          icon={ShieldKeyholeRegular}
          message={flag ? t('gdapList.emptyFiltered') : t('gdapList.empty')}
          data-testid="gdap-list-empty"
        />
      )}
      {data && data.items.length > 0 && <RelationshipTable items={data.items} busy={overview.loading} />}
    </>
  )
}

function RelationshipTable({ items, busy }: { items: RelationshipSummary[]; busy: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const { cell, nowrap } = useListCellStyles()
  return (
    <ListTable
      className={styles.table}
      busy={busy}
      ariaBusy
      label={t('gdapList.title')}
      data-testid="gdap-list"
      columns={[
        t('gdapList.column.name'),
        t('gdapList.column.customer'),
        t('gdapList.column.status'),
        t('gdapList.column.roles'),
        t('gdapList.column.endAt'),
        t('gdapList.column.autoExtend'),
        t('gdapList.column.assignments'),
        t('gdapList.column.attention'),
      ]}
    >
      {items.map((r) => {
        const ended = isEnded(r.status)
        const assignments = r.assignments.filter((a) => a.status !== 'deleted')
        return (
          <TableRow
            key={r.id}
            data-testid="gdap-row"
            data-relationship-id={r.id}
            data-status={r.status}
            data-flags={r.flags.join(' ')}
            data-customer-id={r.customer?.tenantId ?? ''}
          >
            <TableCell className={cell}>
              <RouterLink
                to={`/gdap/relationships/${encodeURIComponent(r.id)}`}
                className={styles.name}
                data-testid="gdap-row-link"
              >
                {r.displayName}
              </RouterLink>
            </TableCell>
            <TableCell className={cell}>
              {r.customer ? (
                r.customer.name
              ) : (
                <span className={styles.muted}>{t('gdapList.noCustomer')}</span>
              )}
            </TableCell>
            <TableCell className={mergeClasses(cell, nowrap)}>
              <RelationshipStatusBadge status={r.status} />
            </TableCell>
            <TableCell className={cell}>
              <ul className={styles.list}>
                {r.roles.map((role) => (
                  <li key={role.id}>{entraRoleName({ id: role.id, name: role.displayName })}</li>
                ))}
              </ul>
            </TableCell>
            <TableCell className={mergeClasses(cell, nowrap)}>{format.date(r.endAt)}</TableCell>
            <TableCell
              className={mergeClasses(cell, nowrap)}
              data-testid="gdap-row-auto-extend"
              data-on={autoExtends(r.autoExtendDuration)}
            >
              {ended ? (
                <span className={styles.muted}>{t('common.none')}</span>
              ) : autoExtends(r.autoExtendDuration) ? (
                t('gdap.autoExtendBy', { duration: format.duration(r.autoExtendDuration) })
              ) : (
                t('gdap.autoExtendOff')
              )}
            </TableCell>
            <TableCell className={cell}>
              {assignments.length === 0 ? (
                <span className={styles.muted}>{t('gdap.noAssignments')}</span>
              ) : (
                <ul className={mergeClasses(styles.list, ended && styles.muted)}>
                  {assignments.map((a) => (
                    <li key={a.id} data-testid="gdap-row-assignment" data-status={a.status}>
                      <span className={styles.group}>{a.group.displayName}</span>
                      {' → '}
                      {a.roles
                        .map((role) => entraRoleName({ id: role.id, name: role.displayName }))
                        .join(', ')}{' '}
                      {a.status !== 'active' && <AssignmentStatusBadge status={a.status} />}
                    </li>
                  ))}
                </ul>
              )}
            </TableCell>
            <TableCell className={mergeClasses(cell, styles.attention)}>
              <FlagBadges flags={r.flags} />
            </TableCell>
          </TableRow>
        )
      })}
    </ListTable>
  )
}
