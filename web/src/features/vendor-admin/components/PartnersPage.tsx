import { Badge, Button, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { listPartners, partnerHref } from '../api.ts'
import { useVendorAdminT } from '../t.ts'
import { NewPartnerDialog } from './NewPartnerDialog.tsx'

const useStyles = makeStyles({
  secondary: { display: 'block', color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
})

/** The vendor's partners: type, MPN id, country, status; "Add partner" invites the first administrator. */
export function PartnersPage() {
  const t = useVendorAdminT()
  const styles = useStyles()
  const cells = useListCellStyles()
  const format = useFormat()
  useDocumentTitle(t('partners.title'))
  const partners = useApiResource((signal) => listPartners(signal), [])
  const [adding, setAdding] = useState(false)
  const providers = (partners.data ?? []).filter(
    (p) => p.type === 'indirect_provider' && p.status === 'active',
  )

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.intro')}
        actions={
          <Button
            appearance="primary"
            icon={<AddRegular />}
            onClick={() => setAdding(true)}
            data-testid="partner-add"
          >
            {t('partners.add')}
          </Button>
        }
      />
      {partners.error && <ErrorMessage error={partners.error} onRetry={partners.reload} />}
      {!partners.data && partners.loading && <LoadingState label={t('common.loading')} />}
      {partners.data?.length === 0 && <Text className={styles.empty}>{t('partners.empty')}</Text>}
      {partners.data && partners.data.length > 0 && (
        <ListTable
          label={t('partners.title')}
          busy={partners.loading}
          data-testid="partners-table"
          columns={[
            t('partners.column.name'),
            t('partners.column.type'),
            t('partners.column.mpn'),
            t('partners.column.country'),
            t('partners.column.status'),
          ]}
        >
          {partners.data.map((p) => (
            <TableRow key={p.tenantId} data-testid="partner-row" data-tenant-id={p.tenantId}>
              <TableCell className={cells.cell}>
                <RouterLink to={partnerHref(p.tenantId)}>{p.name}</RouterLink>
                <Text size={200} className={styles.secondary}>
                  {p.domain}
                </Text>
              </TableCell>
              <TableCell className={cells.cell}>
                {t(`type.${p.type}`)}
                {p.providers.length > 0 && (
                  <Text size={200} className={styles.secondary}>
                    {p.providers.map((x) => x.name).join(', ')}
                  </Text>
                )}
              </TableCell>
              <TableCell className={cells.cell}>{p.mpnId}</TableCell>
              <TableCell className={cells.cell}>{format.country(p.country)}</TableCell>
              <TableCell className={cells.cell}>
                <StatusBadge status={p.status} />
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      <NewPartnerDialog
        open={adding}
        providers={providers}
        onClose={() => setAdding(false)}
        onCreated={partners.reload}
      />
    </>
  )
}

export function StatusBadge({ status }: { status: 'active' | 'suspended' }) {
  const t = useVendorAdminT()
  return (
    <Badge
      appearance="tint"
      color={status === 'active' ? 'success' : 'danger'}
      data-testid="partner-status"
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  )
}
