import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components'
import { AddRegular, AppsRegular, HeartPulseRegular, MoreHorizontalRegular } from '@fluentui/react-icons'
import { useNavigate } from 'react-router'
import { useLifeT } from '../life-t.ts'
import { ADMINISTER_ID } from './CustomerHub.tsx'

/** A customer row's actions: new request for it, its service health, its services' admin portals. */
export function CustomerRowActions({
  customerTenantId,
  customerName,
  cannotFile,
}: {
  customerTenantId: string
  customerName: string
  /** Why the person may not file (R1): "New request" is disabled. */
  cannotFile?: string | null | undefined
}) {
  const t = useLifeT()
  const navigate = useNavigate()
  const id = encodeURIComponent(customerTenantId)
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={customerName}
          data-testid="customer-row-actions"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem
            icon={<AddRegular />}
            disabled={Boolean(cannotFile)}
            onClick={() => void navigate(`/service-requests/new?customer=${id}`)}
            data-testid="customer-row-new-request"
          >
            {t('hub.rowNewRequest')}
          </MenuItem>
          <MenuItem
            icon={<HeartPulseRegular />}
            onClick={() => void navigate(`/health/customers/${id}`)}
            data-testid="customer-row-health"
          >
            {t('hub.rowHealth')}
          </MenuItem>
          <MenuItem
            icon={<AppsRegular />}
            onClick={() => void navigate(`/customers/${id}#${ADMINISTER_ID}`)}
            data-testid="customer-row-portals"
          >
            {t('hub.rowPortals')}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  )
}
