import { Button, Menu, MenuItemLink, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components'
import { AddRegular, ArrowDownloadRegular, ArrowUploadRegular, LinkRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { exportCsvHref } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { AddCustomerDialog } from './AddCustomerDialog.tsx'
import { CsvImportDialog } from './CsvImportDialog.tsx'
import { InviteTenantDialog } from './InviteTenantDialog.tsx'

/**
 * The customer list's administration: add a customer (not for indirect resellers, who send their
 * link), invite an existing tenant with the relationship link, import and export CSV.
 */
export function CustomerListActions({
  canCreate,
  forReseller,
  customerHref,
  onChanged,
}: {
  canCreate: boolean
  forReseller: boolean
  customerHref: (tenantId: string) => string
  onChanged: () => void
}) {
  const t = useCustomerAdminT()
  const [open, setOpen] = useState<'add' | 'invite' | 'import' | null>(null)
  const close = () => setOpen(null)
  return (
    <>
      {canCreate && (
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => setOpen('add')}
          data-testid="customer-add"
        >
          {t('add.button')}
        </Button>
      )}
      <Button icon={<LinkRegular />} onClick={() => setOpen('invite')} data-testid="customer-invite">
        {t('invite.button')}
      </Button>
      {canCreate && (
        <Button icon={<ArrowUploadRegular />} onClick={() => setOpen('import')} data-testid="customer-import">
          {t('csv.import')}
        </Button>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ArrowDownloadRegular />} data-testid="customer-export">
            {t('csv.export')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItemLink href={exportCsvHref('customers')} download="customers.csv">
              {t('csv.exportCustomers')}
            </MenuItemLink>
            <MenuItemLink href={exportCsvHref('subscriptions')} download="subscriptions.csv">
              {t('csv.exportSubscriptions')}
            </MenuItemLink>
          </MenuList>
        </MenuPopover>
      </Menu>
      <AddCustomerDialog
        open={open === 'add'}
        forReseller={forReseller}
        customerHref={customerHref}
        onClose={close}
        onCreated={onChanged}
      />
      <InviteTenantDialog open={open === 'invite'} onClose={close} />
      <CsvImportDialog open={open === 'import'} onClose={close} onImported={onChanged} />
    </>
  )
}
