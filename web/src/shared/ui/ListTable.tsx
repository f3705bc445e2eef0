import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import type { ReactNode } from 'react'

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  busy: { opacity: 0.6 },
})

/** Cell classes shared by the list tables: top-aligned cells with some air, and cells that must not wrap. */
export const useListCellStyles = makeStyles({
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  nowrap: { whiteSpace: 'nowrap' },
})

/**
 * For a fixed-layout table outside ListTable: put it in a `scroller` div and give it `wide`, so
 * that on a narrow screen (a phone) it keeps readable columns and scrolls sideways in its own box
 * instead of squeezing them (or making the whole page scroll).
 */
export const useTableScrollStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  wide: { minWidth: '720px' },
})

/**
 * A horizontally scrollable table with one header row; its rows are the children. While `busy`
 * (reloading) the table is dimmed, and `aria-busy` is set when asked for.
 */
export function ListTable({
  columns,
  label,
  busy = false,
  ariaBusy = false,
  className,
  children,
  'data-testid': testId,
}: {
  columns: ReactNode[]
  label: string
  busy?: boolean
  ariaBusy?: boolean
  className?: string
  children: ReactNode
  'data-testid'?: string
}) {
  const styles = useStyles()
  return (
    <div className={styles.scroller}>
      <Table
        className={mergeClasses(styles.table, className, busy && styles.busy)}
        aria-label={label}
        aria-busy={ariaBusy ? busy : undefined}
        data-testid={testId}
      >
        <TableHeader>
          <TableRow>
            {columns.map((column, index) => (
              <TableHeaderCell key={index}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  )
}
