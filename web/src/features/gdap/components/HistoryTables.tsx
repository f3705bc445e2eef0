import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import {
  operationAssignmentId,
  roleIdsOf,
  type GdapRole,
  type GraphOperation,
  type GraphRequest,
} from '../api.ts'
import { roleName } from './RoleTable.tsx'

const useStyles = makeStyles({
  empty: { color: tokens.colorNeutralForeground3 },
  table: { tableLayout: 'auto', maxWidth: '1000px' },
  nowrap: { whiteSpace: 'nowrap' },
})

const STATUS_COLORS: Record<string, BadgeProps['color']> = {
  created: 'informative',
  pending: 'informative',
  notStarted: 'informative',
  running: 'informative',
  succeeded: 'success',
  failed: 'danger',
}

function StepStatus({ status, kind }: { status: string; kind: 'request' | 'operation' }) {
  const { t } = useTranslation()
  return (
    <Badge appearance="tint" size="small" color={STATUS_COLORS[status] ?? 'informative'} data-status={status}>
      {kind === 'request'
        ? t(`gdapDetail.requestStatus.${status}`, { defaultValue: status })
        : t(`gdapDetail.operationStatus.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** Who asked for what (lock, approve, reject, terminate) and how it went. */
export function RequestsTable({ requests }: { requests: GraphRequest[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  if (requests.length === 0) {
    return (
      <Text as="p" className={styles.empty} data-testid="gdap-requests-empty">
        {t('gdapDetail.requestsEmpty')}
      </Text>
    )
  }
  return (
    <Table
      className={styles.table}
      aria-labelledby="gdap-requests-title"
      data-testid="gdap-requests"
      size="small"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('gdapDetail.column.action')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.status')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.created')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.modified')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {requests.map((q) => (
          <TableRow key={q.id} data-testid="gdap-request" data-action={q.action} data-status={q.status}>
            <TableCell>{t(`gdapDetail.requestAction.${q.action}`, { defaultValue: q.action })}</TableCell>
            <TableCell>
              <StepStatus status={q.status} kind="request" />
            </TableCell>
            <TableCell className={styles.nowrap}>{format.dateTime(q.createdDateTime)}</TableCell>
            <TableCell className={styles.nowrap}>{format.dateTime(q.lastModifiedDateTime)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** Long-running operations (access assignment updates), with what each changes. */
export function OperationsTable({
  operations,
  catalog,
  groupOfAssignment,
}: {
  operations: GraphOperation[]
  catalog: GdapRole[]
  groupOfAssignment: (assignmentId: string) => string | undefined
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  if (operations.length === 0) {
    return (
      <Text as="p" className={styles.empty} data-testid="gdap-operations-empty">
        {t('gdapDetail.operationsEmpty')}
      </Text>
    )
  }
  const describe = (operation: GraphOperation): string => {
    const assignmentId = operationAssignmentId(operation)
    let roleIds: string[] = []
    try {
      roleIds = roleIdsOf((JSON.parse(operation.data) as { accessDetails?: never }).accessDetails)
    } catch {
      // data is free text in Graph; show nothing rather than fail
    }
    const group = assignmentId ? groupOfAssignment(assignmentId) : undefined
    const roles = roleIds.map((id) => roleName(catalog, id)).join(', ')
    return group ? t('gdapDetail.operationDetails', { group, roles }) : roles
  }
  return (
    <Table
      className={styles.table}
      aria-labelledby="gdap-operations-title"
      data-testid="gdap-operations"
      size="small"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('gdapDetail.column.operation')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.details')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.status')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapDetail.column.created')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {operations.map((o) => (
          <TableRow key={o.id} data-testid="gdap-operation" data-status={o.status}>
            <TableCell>
              {t(`gdapDetail.operationType.${o.operationType}`, { defaultValue: o.operationType })}
            </TableCell>
            <TableCell>{describe(o)}</TableCell>
            <TableCell>
              <StepStatus status={o.status} kind="operation" />
            </TableCell>
            <TableCell className={styles.nowrap}>{format.dateTime(o.createdDateTime)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
