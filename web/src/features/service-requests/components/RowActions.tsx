import {
  Button,
  Menu,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { PersonArrowLeftRegular, PersonSwapRegular } from '@fluentui/react-icons'
import type { ServiceRequest } from '../api.ts'
import type { Assignee } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'
import { sideOf } from '../side.ts'
import type { RequestViewer } from '../viewer.ts'

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
})

/** Whether the viewer may take or assign this request from the list (the server's rule: whoever works it). */
export const canAssignFromList = (viewer: RequestViewer, r: ServiceRequest) =>
  r.status !== 'closed' && sideOf(viewer, r) === 'responder'

/**
 * "Take" and "Assign" on one request of the list: one PATCH each, with the version the list read
 * (a request changed meanwhile is refused, never overwritten).
 */
export function RowActions({
  request: r,
  viewer,
  assignees,
  busy,
  onAssign,
}: {
  request: ServiceRequest
  viewer: RequestViewer
  assignees: Assignee[]
  busy: boolean
  onAssign: (request: ServiceRequest, assignedTo: string | null) => void
}) {
  const t = useDeskT()
  const styles = useStyles()
  if (!canAssignFromList(viewer, r)) return null
  const current = r.assignedTo?.userId ?? ''
  return (
    <div className={styles.actions} data-testid="row-actions">
      {current !== viewer.userId && (
        <Button
          size="small"
          icon={<PersonArrowLeftRegular />}
          disabled={busy}
          aria-label={t('row.takeLabel', { id: r.id })}
          onClick={() => onAssign(r, viewer.userId)}
          data-testid="row-take"
        >
          {t('row.take')}
        </Button>
      )}
      <Menu
        checkedValues={{ assignee: [current] }}
        onCheckedValueChange={(_event, data) => {
          const chosen = data.checkedItems[0] ?? ''
          if (chosen !== current) onAssign(r, chosen === '' ? null : chosen)
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button
            size="small"
            appearance="subtle"
            icon={<PersonSwapRegular />}
            disabled={busy}
            aria-label={t('row.assignLabel', { id: r.id })}
            data-testid="row-assign"
          >
            {t('row.assign')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList data-testid="row-assign-menu">
            {assignees.map((a) => (
              <MenuItemRadio key={a.userId} name="assignee" value={a.userId} data-testid="row-assign-to">
                {a.name}
              </MenuItemRadio>
            ))}
            {current && (
              <MenuItem onClick={() => onAssign(r, null)} data-testid="row-unassign">
                {t('row.unassign')}
              </MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  )
}
