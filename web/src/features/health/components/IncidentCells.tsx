import { Button, TableCell, mergeClasses } from '@fluentui/react-components'
import { useFormat } from '../../../shared/i18n/format.ts'
import { useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import type { HealthStatus } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'
import { HealthStatusBadge } from './Badges.tsx'

/** An incident table's status cell. */
export function StatusCell({ status }: { status: HealthStatus }) {
  const styles = useListCellStyles()
  return (
    <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>
      <HealthStatusBadge status={status} />
    </TableCell>
  )
}

/** An incident table's "started" and "last update" cells. */
export function DatesCells({ startAt, lastModifiedAt }: { startAt: string; lastModifiedAt: string }) {
  const format = useFormat()
  const styles = useListCellStyles()
  const cell = mergeClasses(styles.cell, styles.nowrap)
  return (
    <>
      <TableCell className={cell}>{format.dateTime(startAt)}</TableCell>
      <TableCell className={cell}>{format.dateTime(lastModifiedAt)}</TableCell>
    </>
  )
}

/** The last three cells of most incident tables: status, started, last update. */
export function StatusAndDatesCells(props: {
  status: HealthStatus
  startAt: string
  lastModifiedAt: string
}) {
  return (
    <>
      <StatusCell status={props.status} />
      <DatesCells startAt={props.startAt} lastModifiedAt={props.lastModifiedAt} />
    </>
  )
}

/** "Clear filters", under an empty list that the filters emptied. */
export function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  const { t } = useHealthTranslation()
  return (
    <Button appearance="subtle" onClick={onClick} data-testid="health-clear-filters">
      {t('filters.clear')}
    </Button>
  )
}
