import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components'
import { MoreHorizontalRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { changeSubscription, type SubscriptionChange } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { RoleAssignmentsDialog } from './RoleAssignmentsDialog.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'

/** What the subscription actions need of a subscription (the customers feature's row). */
export interface ManagedSubscription {
  id: string
  friendlyName: string
  workloadId: string
  billing: string
  status: string
  channel: string
}

type Change = 'suspend' | 'reactivate' | 'convert'

const BODY: Record<Change, SubscriptionChange> = {
  suspend: { status: 'suspended' },
  reactivate: { status: 'active' },
  convert: { convertToPaid: true },
}

/** A subscription's menu: suspend or reactivate, convert a trial to paid, Azure role assignments. */
export function SubscriptionActions({
  customerTenantId,
  subscription: s,
  onChanged,
}: {
  customerTenantId: string
  subscription: ManagedSubscription
  onChanged: () => void
}) {
  const t = useCustomerAdminT()
  const [change, setChange] = useState<Change | null>(null)
  const [roles, setRoles] = useState(false)
  const csp = s.channel === 'csp' && s.status !== 'deleted'
  const azure = s.workloadId === 'azure' && s.status === 'active'
  if (!csp && !azure) return null
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            appearance="subtle"
            icon={<MoreHorizontalRegular />}
            aria-label={t('subscriptions.actions')}
            data-testid="subscription-actions"
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {csp && s.status === 'active' && (
              <MenuItem onClick={() => setChange('suspend')} data-testid="subscription-suspend">
                {t('subscriptions.suspend')}
              </MenuItem>
            )}
            {csp && s.status === 'suspended' && (
              <MenuItem onClick={() => setChange('reactivate')} data-testid="subscription-reactivate">
                {t('subscriptions.reactivate')}
              </MenuItem>
            )}
            {csp && s.billing === 'trial' && (
              <MenuItem onClick={() => setChange('convert')} data-testid="subscription-convert">
                {t('subscriptions.convert')}
              </MenuItem>
            )}
            {azure && (
              <MenuItem onClick={() => setRoles(true)} data-testid="subscription-roles">
                {t('subscriptions.roles')}
              </MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {change && (
        <ConfirmDialog
          cancelLabel={t('common.cancel')}
          closeOnSuccess
          title={t(`subscriptions.${change}Title`, { name: s.friendlyName })}
          body={t(`subscriptions.${change}Body`)}
          confirmLabel={t(`subscriptions.${change}`)}
          testId="subscription-change-confirm"
          onConfirm={async () => {
            await changeSubscription(customerTenantId, s.id, BODY[change])
            onChanged()
          }}
          onClose={() => setChange(null)}
        />
      )}
      {roles && (
        <RoleAssignmentsDialog
          customerTenantId={customerTenantId}
          subscription={{ id: s.id, name: s.friendlyName }}
          onClose={() => setRoles(false)}
        />
      )}
    </>
  )
}
