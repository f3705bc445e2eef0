import { Button } from '@fluentui/react-components'
import { LinkDismissRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { removeRelationship } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'

/** Removes the partner's reseller relationship with the customer (confirmed; audited on the server). */
export function RemoveRelationshipButton({
  customer,
  onRemoved,
}: {
  customer: { tenantId: string; displayName: string }
  onRemoved: () => void
}) {
  const t = useCustomerAdminT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<LinkDismissRegular />} onClick={() => setOpen(true)} data-testid="relationship-remove">
        {t('relationship.remove')}
      </Button>
      {open && (
        <ConfirmDialog
          cancelLabel={t('common.cancel')}
          closeOnSuccess
          title={t('relationship.title', { customer: customer.displayName })}
          body={t('relationship.body', { customer: customer.displayName })}
          confirmLabel={t('relationship.remove')}
          testId="relationship-remove-confirm"
          onConfirm={async () => {
            await removeRelationship(customer.tenantId)
            onRemoved()
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
