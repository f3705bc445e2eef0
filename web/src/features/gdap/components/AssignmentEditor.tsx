import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, ArrowClockwiseRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  changeAssignmentRoles,
  createAssignment,
  operationAssignmentId,
  operationInProgress,
  removeAssignment,
  roleIdsOf,
  type GdapRole,
  type GraphAssignment,
  type GraphOperation,
  type SecurityGroup,
} from '../api.ts'
import { ActionErrorBox, actionErrorOf, type ActionError } from './ActionErrorBox.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { roleName } from './RoleTable.tsx'
import { AssignmentStatusBadge } from './StatusBadges.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  group: { fontWeight: tokens.fontWeightSemibold },
  groupDescription: { display: 'block', color: tokens.colorNeutralForeground3 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  rowActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  checks: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
  add: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '640px',
  },
  addTitle: { margin: 0 },
  rolesGroup: { display: 'flex', flexDirection: 'column', gap: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  addActions: { display: 'flex', gap: tokens.spacingHorizontalS },
})

type Busy = { kind: 'add' } | { kind: 'save' | 'remove'; id: string } | null

/**
 * Which security groups of the partner get which of the relationship's roles: add (pending, then
 * active), change roles (an operation), remove (deleting, then deleted). The page refreshes the
 * list every 2 s while anything is pending.
 */
export function AssignmentEditor({
  relationshipId,
  relationshipRoleIds,
  customerName,
  assignments,
  groups,
  operations,
  catalog,
  canManage,
  refreshing,
  onChanged,
}: {
  relationshipId: string
  relationshipRoleIds: string[]
  customerName: string
  assignments: GraphAssignment[]
  groups: SecurityGroup[]
  operations: GraphOperation[]
  catalog: GdapRole[]
  canManage: boolean
  refreshing: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<ActionError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; roleIds: string[] } | null>(null)
  const [removing, setRemoving] = useState<GraphAssignment | null>(null)
  const [groupId, setGroupId] = useState('')
  const [newRoles, setNewRoles] = useState<string[]>([])
  const [submitted, setSubmitted] = useState(false)

  const groupOf = (id: string) => groups.find((g) => g.id === id)
  const groupName = (a: GraphAssignment) =>
    groupOf(a.accessContainer.accessContainerId)?.displayName ?? a.accessContainer.accessContainerId
  const visible = assignments.filter((a) => a.status !== 'deleted')
  const removedCount = assignments.length - visible.length
  const updating = new Set(
    operations
      .filter(operationInProgress)
      .map(operationAssignmentId)
      .filter((id): id is string => id !== null),
  )
  const pending = visible.some((a) => a.status === 'pending' || a.status === 'deleting') || updating.size > 0
  const taken = new Set(
    visible.filter((a) => a.status !== 'error').map((a) => a.accessContainer.accessContainerId),
  )
  const freeGroups = groups.filter((g) => !taken.has(g.id))

  const run = async (next: Busy, action: () => Promise<unknown>, success: string) => {
    setBusy(next)
    setError(null)
    setNotice(null)
    try {
      await action()
      setNotice(success)
      onChanged()
      return true
    } catch (caught) {
      setError(actionErrorOf(caught))
      return false
    } finally {
      setBusy(null)
    }
  }

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (!groupId || newRoles.length === 0) return
    const group = groupOf(groupId)?.displayName ?? groupId
    const ok = await run(
      { kind: 'add' },
      () => createAssignment(relationshipId, groupId, newRoles),
      t('gdapAssignments.added', { group }),
    )
    if (ok) {
      setGroupId('')
      setNewRoles([])
      setSubmitted(false)
    }
  }

  const roleChecks = (
    selected: string[],
    onChange: (next: string[]) => void,
    testId: string,
    disabled = false,
  ) => (
    <div className={styles.checks}>
      {relationshipRoleIds.map((id) => (
        <Checkbox
          key={id}
          checked={selected.includes(id)}
          disabled={disabled}
          onChange={(_event, data) =>
            onChange(
              relationshipRoleIds.filter((r) => (r === id ? data.checked === true : selected.includes(r))),
            )
          }
          label={roleName(catalog, id)}
          data-testid={testId}
          data-role-id={id}
        />
      ))}
    </div>
  )

  return (
    <div className={styles.root} data-testid="gdap-assignments" data-pending={pending}>
      {pending && (
        <MessageBar intent="info" data-testid="gdap-assignments-pending">
          <MessageBarBody>{t('gdapAssignments.pendingNote')}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              icon={refreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
              onClick={onChanged}
              data-testid="gdap-assignments-refresh"
            >
              {t('gdapCommon.refresh')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="gdap-assignments-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ActionErrorBox error={error} onReload={onChanged} />}

      {visible.length === 0 ? (
        <Text as="p" className={styles.muted} data-testid="gdap-assignments-empty">
          {t('gdapAssignments.empty')}
        </Text>
      ) : (
        <Table aria-labelledby="gdap-assignments-title" data-testid="gdap-assignment-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('gdapAssignments.column.group')}</TableHeaderCell>
              <TableHeaderCell>{t('gdapAssignments.column.roles')}</TableHeaderCell>
              <TableHeaderCell>{t('gdapAssignments.column.status')}</TableHeaderCell>
              {canManage && <TableHeaderCell>{t('gdapAssignments.column.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((a) => {
              const group = groupOf(a.accessContainer.accessContainerId)
              const isUpdating = updating.has(a.id)
              const isEditing = editing?.id === a.id
              const changeable = a.status === 'active' && !isUpdating
              return (
                <TableRow
                  key={a.id}
                  data-testid="gdap-assignment-row"
                  data-assignment-id={a.id}
                  data-group-id={a.accessContainer.accessContainerId}
                  data-group-name={groupName(a)}
                  data-status={a.status}
                  data-updating={isUpdating}
                >
                  <TableCell className={styles.cell}>
                    <span className={styles.group}>{groupName(a)}</span>
                    {group?.description && (
                      <Caption1 className={styles.groupDescription}>{group.description}</Caption1>
                    )}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    {isEditing ? (
                      roleChecks(
                        editing.roleIds,
                        (roleIds) => setEditing({ id: a.id, roleIds }),
                        'gdap-assignment-edit-role',
                        busy !== null,
                      )
                    ) : (
                      <ul className={styles.list} data-testid="gdap-assignment-roles">
                        {roleIdsOf(a.accessDetails).map((id) => (
                          <li key={id} data-role-id={id}>
                            {roleName(catalog, id)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <span className={styles.status}>
                      <AssignmentStatusBadge status={a.status} />
                      {(a.status === 'pending' || a.status === 'deleting') && <Spinner size="extra-tiny" />}
                      {isUpdating && (
                        <Caption1 data-testid="gdap-assignment-updating">
                          {t('gdapAssignments.updateInProgress')}
                        </Caption1>
                      )}
                    </span>
                  </TableCell>
                  {canManage && (
                    <TableCell className={styles.cell}>
                      <span className={styles.rowActions}>
                        {isEditing ? (
                          <>
                            <Button
                              size="small"
                              appearance="primary"
                              disabled={busy !== null || editing.roleIds.length === 0}
                              icon={
                                busy?.kind === 'save' && busy.id === a.id ? (
                                  <Spinner size="tiny" />
                                ) : undefined
                              }
                              onClick={() =>
                                void run(
                                  { kind: 'save', id: a.id },
                                  () => changeAssignmentRoles(relationshipId, a, editing.roleIds),
                                  t('gdapAssignments.updated', { group: groupName(a) }),
                                ).then((ok) => ok && setEditing(null))
                              }
                              data-testid="gdap-assignment-save"
                            >
                              {t('gdapAssignments.save')}
                            </Button>
                            <Button
                              size="small"
                              disabled={busy !== null}
                              onClick={() => setEditing(null)}
                              data-testid="gdap-assignment-edit-cancel"
                            >
                              {t('gdapCommon.cancel')}
                            </Button>
                          </>
                        ) : (
                          <>
                            <Button
                              size="small"
                              icon={<EditRegular />}
                              disabled={!changeable || busy !== null}
                              onClick={() => setEditing({ id: a.id, roleIds: roleIdsOf(a.accessDetails) })}
                              data-testid="gdap-assignment-edit"
                            >
                              {t('gdapAssignments.change')}
                            </Button>
                            <Button
                              size="small"
                              icon={<DeleteRegular />}
                              disabled={a.status === 'deleting' || busy !== null}
                              onClick={() => setRemoving(a)}
                              data-testid="gdap-assignment-remove"
                            >
                              {t('gdapAssignments.remove')}
                            </Button>
                          </>
                        )}
                      </span>
                    </TableCell>
                  )}
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      )}
      {removedCount > 0 && (
        <Caption1 className={styles.muted}>
          {t('gdapAssignments.removedHidden', { count: removedCount })}
        </Caption1>
      )}

      {canManage && (
        <form
          className={styles.add}
          onSubmit={(event) => void add(event)}
          noValidate
          data-testid="gdap-assignment-form"
          aria-labelledby="gdap-assignment-add-title"
        >
          <Subtitle2 as="h3" id="gdap-assignment-add-title" className={styles.addTitle}>
            {t('gdapAssignments.addTitle')}
          </Subtitle2>
          {freeGroups.length === 0 ? (
            <Text className={styles.muted} data-testid="gdap-assignment-no-groups">
              {t('gdapAssignments.noGroupsLeft')}
            </Text>
          ) : (
            <>
              <Field
                label={t('gdapAssignments.group')}
                required
                validationState={submitted && !groupId ? 'error' : 'none'}
                validationMessage={submitted && !groupId ? t('gdapAssignments.groupRequired') : undefined}
              >
                <Select
                  value={groupId}
                  onChange={(_event, data) => setGroupId(data.value)}
                  data-testid="gdap-assignment-group"
                >
                  <option value="">{t('gdapAssignments.groupPlaceholder')}</option>
                  {freeGroups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              {/* not a <Field>: a Field marks every checkbox inside it as required */}
              <div role="group" aria-labelledby="gdap-assignment-roles-label" className={styles.rolesGroup}>
                <Label id="gdap-assignment-roles-label" required>
                  {t('gdapAssignments.roles')}
                </Label>
                <Caption1 className={styles.muted}>{t('gdapAssignments.rolesHint')}</Caption1>
                {roleChecks(newRoles, setNewRoles, 'gdap-assignment-role', busy !== null)}
                {submitted && newRoles.length === 0 && (
                  <Caption1 role="alert" className={styles.error}>
                    {t('gdapAssignments.rolesRequired')}
                  </Caption1>
                )}
              </div>
              <div className={styles.addActions}>
                <Button
                  type="submit"
                  appearance="primary"
                  icon={busy?.kind === 'add' ? <Spinner size="tiny" /> : <AddRegular />}
                  disabled={busy !== null}
                  data-testid="gdap-assignment-add"
                >
                  {t('gdapAssignments.add')}
                </Button>
              </div>
            </>
          )}
        </form>
      )}

      <ConfirmDialog
        cancelLabel={t('gdapCommon.cancel')}
        danger
        open={removing !== null}
        title={t('gdapAssignments.removeTitle')}
        body={
          removing
            ? t('gdapAssignments.removeBody', {
                group: groupName(removing),
                roles: roleIdsOf(removing.accessDetails)
                  .map((id) => roleName(catalog, id))
                  .join(', '),
                customer: customerName,
              })
            : ''
        }
        confirmLabel={t('gdapAssignments.remove')}
        busy={busy?.kind === 'remove'}
        testId="gdap-assignment-remove-confirm"
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing
          if (!target) return
          void run(
            { kind: 'remove', id: target.id },
            () => removeAssignment(relationshipId, target),
            t('gdapAssignments.removed', { group: groupName(target) }),
          ).then(() => setRemoving(null))
        }}
      />
    </div>
  )
}
