import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import {
  DismissRegular,
  LockClosedRegular,
  PersonArrowLeftRegular,
  PersonSwapRegular,
} from '@fluentui/react-icons'
import { useState } from 'react'
import { ApiError } from '../../../shared/api/client.ts'
import { applyBulk, type Assignee, type BulkChange, type BulkResult } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto' },
  outcome: { marginBottom: tokens.spacingVerticalS },
  refused: { ...plainList, gap: '2px', marginTop: tokens.spacingVerticalXS },
  dialogContent: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
})

/**
 * Bulk changes to the selected requests: take them, assign them, close them (after a confirmation,
 * with an optional reason each request's history keeps, as a single close).
 * The server changes each one on its own; the answer says which changed and why the others did not.
 */
export function BulkBar({
  selected,
  viewerId,
  assignees,
  onClear,
  onDone,
}: {
  /** The selected requests with the version the list read. */
  selected: ReadonlyMap<string, number>
  viewerId: string
  /** Whom the viewer may assign to (empty: no assignment offered). */
  assignees: Assignee[]
  onClear: () => void
  /** After a change: the list reloads; `applied` are the requests that changed. */
  onDone: (applied: string[]) => void
}) {
  const t = useDeskT()
  const styles = useStyles()
  const [working, setWorking] = useState(false)
  const [confirmClose, setConfirmClose] = useState(false)
  const [closeReason, setCloseReason] = useState('')
  const [outcome, setOutcome] = useState<BulkResult | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const count = selected.size

  const run = async (change: Omit<BulkChange, 'items'>) => {
    setWorking(true)
    setFailure(null)
    try {
      const items = [...selected].map(([id, version]) => ({ id, version }))
      const result = await applyBulk({ ...change, items } as BulkChange)
      setOutcome(result)
      if (change.action === 'close') setCloseReason('')
      onDone(result.results.filter((r) => r.ok).map((r) => r.id))
    } catch (error) {
      setOutcome(null)
      setFailure(error instanceof ApiError ? error.message : String(error))
    } finally {
      setWorking(false)
      setConfirmClose(false)
    }
  }

  const refused = outcome?.results.filter((r) => !r.ok) ?? []
  return (
    <>
      {(outcome || failure) && (
        <MessageBar
          className={styles.outcome}
          intent={failure ? 'error' : refused.length ? 'warning' : 'success'}
          data-testid="bulk-outcome"
          data-applied={outcome?.applied ?? 0}
          data-refused={outcome?.refused ?? 0}
        >
          <MessageBarBody>
            {failure ?? (
              <>
                <MessageBarTitle>{t('bulk.applied', { count: outcome!.applied })}</MessageBarTitle>
                {refused.length > 0 && (
                  <>
                    {t('bulk.refused', { count: refused.length })}
                    <ul className={styles.refused}>
                      {refused.map((r) => (
                        <li
                          key={r.id}
                          data-testid="bulk-refused"
                          data-request-id={r.id}
                          data-code={r.error?.code}
                        >
                          {t('bulk.refusedItem', { id: r.id, reason: r.error?.message ?? '' })}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {count > 0 && (
        <div className={styles.bar} role="toolbar" aria-label={t('bulk.label')} data-testid="bulk-bar">
          <Text className={styles.count} aria-live="polite" data-testid="bulk-count">
            {t('bulk.selected', { count })}
          </Text>
          {working && <Spinner size="tiny" label={t('bulk.working')} />}
          {assignees.length > 0 && (
            <>
              <Button
                icon={<PersonArrowLeftRegular />}
                disabled={working}
                onClick={() => void run({ action: 'assign', assignedTo: viewerId })}
                data-testid="bulk-take"
              >
                {t('bulk.take')}
              </Button>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button icon={<PersonSwapRegular />} disabled={working} data-testid="bulk-assign">
                    {t('bulk.assign')}
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    {assignees.map((a) => (
                      <MenuItem
                        key={a.userId}
                        onClick={() => void run({ action: 'assign', assignedTo: a.userId })}
                        data-testid="bulk-assign-to"
                      >
                        {a.name}
                      </MenuItem>
                    ))}
                  </MenuList>
                </MenuPopover>
              </Menu>
            </>
          )}
          <Button
            icon={<LockClosedRegular />}
            disabled={working}
            onClick={() => setConfirmClose(true)}
            data-testid="bulk-close"
          >
            {t('bulk.close')}
          </Button>
          <Button appearance="subtle" icon={<DismissRegular />} onClick={onClear} data-testid="bulk-clear">
            {t('bulk.clear')}
          </Button>
        </div>
      )}
      <Dialog open={confirmClose} onOpenChange={(_event, data) => setConfirmClose(data.open)}>
        <DialogSurface data-testid="bulk-close-dialog">
          <DialogBody>
            <DialogTitle>{t('bulk.closeTitle', { count })}</DialogTitle>
            <DialogContent className={styles.dialogContent}>
              <Text>{t('bulk.closeBody')}</Text>
              <Field label={t('bulk.closeReason')}>
                <Textarea
                  value={closeReason}
                  maxLength={1000}
                  onChange={(_event, data) => setCloseReason(data.value)}
                  data-testid="bulk-close-reason"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirmClose(false)}>
                {t('bulk.cancel')}
              </Button>
              <Button
                appearance="primary"
                disabled={working}
                icon={working ? <Spinner size="tiny" /> : undefined}
                onClick={() => void run({ action: 'close', reason: closeReason.trim() || undefined })}
                data-testid="bulk-close-confirm"
              >
                {t('bulk.confirmClose')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  )
}
