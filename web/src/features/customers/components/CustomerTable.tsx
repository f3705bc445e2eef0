import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  TableCellLayout,
  createTableColumn,
  type TableColumnDefinition,
} from '@fluentui/react-components'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { useTableScrollStyles } from '../../../shared/ui/ListTable.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { CustomerListItem } from '../api.ts'
import { GdapStatusWithEnd } from './GdapStatusBadge.tsx'
import { RelationshipLabel } from './RelationshipLabel.tsx'

const COLUMN_SIZES = {
  company: { minWidth: 200, idealWidth: 280 },
  domain: { minWidth: 160, idealWidth: 200 },
  relationship: { minWidth: 120, idealWidth: 160 },
  gdap: { minWidth: 180, idealWidth: 240 },
  country: { minWidth: 80, idealWidth: 120 },
}

export function CustomerTable({
  items,
  viewerTenantId,
  busy,
  rowActions,
}: {
  items: CustomerListItem[]
  viewerTenantId: string
  busy: boolean
  /** A row's actions (from the app: new request, health, portals). */
  rowActions?: ((item: CustomerListItem) => ReactNode) | undefined
}) {
  const { t } = useTranslation()
  // (narrower than its columns, e.g. on a phone, the grid scrolls sideways in its own box)
  const scroll = useTableScrollStyles()
  const format = useFormat()

  const columns = useMemo<TableColumnDefinition<CustomerListItem>[]>(
    () => [
      createTableColumn<CustomerListItem>({
        columnId: 'company',
        renderHeaderCell: () => t('customers.column.company'),
        renderCell: (item) => (
          <TableCellLayout truncate>
            <RouterLink to={`/customers/${item.tenantId}`} data-testid="customer-link">
              {item.displayName}
            </RouterLink>
          </TableCellLayout>
        ),
      }),
      createTableColumn<CustomerListItem>({
        columnId: 'domain',
        renderHeaderCell: () => t('customers.column.domain'),
        renderCell: (item) => <TableCellLayout truncate>{item.defaultDomain}</TableCellLayout>,
      }),
      createTableColumn<CustomerListItem>({
        columnId: 'relationship',
        renderHeaderCell: () => t('customers.column.relationship'),
        renderCell: (item) => (
          <TableCellLayout>
            <RelationshipLabel customer={item} viewerTenantId={viewerTenantId} />
          </TableCellLayout>
        ),
      }),
      createTableColumn<CustomerListItem>({
        columnId: 'gdap',
        renderHeaderCell: () => t('customers.column.gdap'),
        renderCell: (item) => <GdapStatusWithEnd status={item.gdap.status} endAt={item.gdap.endAt} />,
      }),
      createTableColumn<CustomerListItem>({
        columnId: 'country',
        renderHeaderCell: () => t('customers.column.country'),
        renderCell: (item) => <TableCellLayout>{format.country(item.country)}</TableCellLayout>,
      }),
      ...(rowActions
        ? [
            createTableColumn<CustomerListItem>({
              columnId: 'actions',
              renderHeaderCell: () => '',
              renderCell: (item) => rowActions(item),
            }),
          ]
        : []),
    ],
    [t, format, viewerTenantId, rowActions],
  )

  return (
    <div className={scroll.scroller}>
      <DataGrid
        items={items}
        columns={columns}
        getRowId={(item: CustomerListItem) => item.tenantId}
        resizableColumns
        columnSizingOptions={COLUMN_SIZES}
        focusMode="composite"
        aria-label={t('customers.title')}
        aria-busy={busy}
        data-testid="customer-list"
      >
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<CustomerListItem>>
          {({ item, rowId }) => (
            <DataGridRow<CustomerListItem>
              key={rowId}
              data-testid="customer-row"
              data-tenant-id={item.tenantId}
            >
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  )
}
