import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { DeleteRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import {
  addRoleAssignment,
  AZURE_ROLES,
  customerContextToken,
  listAssignablePrincipals,
  listRoleAssignments,
  removeRoleAssignment,
  type AzureRoleName,
  type RoleAssignment,
} from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  surface: { maxWidth: '880px', width: '95vw' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  add: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '220px' },
  intro: { color: tokens.colorNeutralForeground2 },
})

/**
 * Azure role assignments on a customer's subscription: list, add for a user or group — the
 * partner's own groups too, as foreign principals — and remove. The calls carry a delegated token
 * for the customer's tenant (GDAP): the partner works in that tenant, as in the Azure portal.
 */
export function RoleAssignmentsDialog({
  customerTenantId,
  subscription,
  onClose,
}: {
  customerTenantId: string
  subscription: { id: string; name: string }
  onClose: () => void
}) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const cells = useListCellStyles()
  const format = useFormat()
  const data = useApiResource(async () => {
    const token = await customerContextToken(customerTenantId)
    const [assignments, principals] = await Promise.all([
      listRoleAssignments(token, subscription.id),
      listAssignablePrincipals(token, subscription.id),
    ])
    return { token, assignments, principals }
  }, [customerTenantId, subscription.id])
  const [principalId, setPrincipalId] = useState('')
  const [role, setRole] = useState<AzureRoleName>('Support Request Contributor')
  const { busy, error, run } = useApiAction()
  const [added, setAdded] = useState<RoleAssignment | null>(null)
  const [removing, setRemoving] = useState<RoleAssignment | null>(null)
  const principal = principalId || data.data?.principals[0]?.id || ''

  const add = async (event: FormEvent) => {
    event.preventDefault()
    if (!data.data || !principal) return
    const { token } = data.data
    setAdded(null)
    await run(async () => {
      setAdded(await addRoleAssignment(token, subscription.id, { principalId: principal, roleName: role }))
      data.reload()
    })
  }

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && !busy && onClose()}>
      <DialogSurface className={styles.surface} data-testid="role-assignments-dialog">
        <DialogBody>
          <DialogTitle>{t('rbac.title', { subscription: subscription.name })}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text className={styles.intro}>{t('rbac.intro')}</Text>
            {data.error && <ErrorMessage error={data.error} onRetry={data.reload} />}
            {!data.data && data.loading && <LoadingState label="" />}
            {data.data && (
              <>
                {data.data.assignments.length === 0 ? (
                  <Text>{t('rbac.empty')}</Text>
                ) : (
                  <ListTable
                    label={t('subscriptions.roles')}
                    busy={data.loading}
                    data-testid="role-assignments-table"
                    columns={[
                      t('rbac.column.principal'),
                      t('rbac.column.type'),
                      t('rbac.column.role'),
                      t('rbac.column.since'),
                      '',
                    ]}
                  >
                    {data.data.assignments.map((a) => (
                      <TableRow key={a.id} data-testid="role-assignment-row" data-role={a.roleName}>
                        <TableCell className={cells.cell}>{a.principalName}</TableCell>
                        <TableCell className={cells.cell}>
                          <Badge
                            appearance="outline"
                            color={a.principalType === 'ForeignGroup' ? 'brand' : 'informative'}
                          >
                            {t(`rbac.type.${a.principalType}`)}
                          </Badge>
                        </TableCell>
                        <TableCell className={cells.cell}>{a.roleName}</TableCell>
                        <TableCell className={cells.cell}>{format.date(a.createdAt)}</TableCell>
                        <TableCell className={cells.cell}>
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<DeleteRegular />}
                            onClick={() => setRemoving(a)}
                            data-testid="role-assignment-remove"
                          >
                            {t('rbac.remove')}
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </ListTable>
                )}
                <form className={styles.add} onSubmit={(e) => void add(e)}>
                  <Field className={styles.grow} label={t('rbac.principal')}>
                    <Select
                      name="principalId"
                      value={principal}
                      onChange={(_e, d) => setPrincipalId(d.value)}
                      data-testid="role-assignment-principal"
                    >
                      {data.data.principals.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.type === 'User' ? p.displayName : `${p.displayName} (${p.tenantName})`} —{' '}
                          {t(`rbac.type.${p.type}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('rbac.role')}>
                    <Select
                      name="roleName"
                      value={role}
                      onChange={(_e, d) => setRole(d.value as AzureRoleName)}
                      data-testid="role-assignment-role"
                    >
                      {AZURE_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Button
                    appearance="primary"
                    type="submit"
                    disabled={busy || !principal}
                    icon={busy ? <Spinner size="tiny" /> : undefined}
                    data-testid="role-assignment-add"
                  >
                    {t('rbac.add')}
                  </Button>
                </form>
                {error && <ErrorMessage error={error} />}
                {added && (
                  <MessageBar intent="success" data-testid="role-assignment-added">
                    <MessageBarBody>
                      {t('rbac.added', { principal: added.principalName, role: added.roleName })}
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
        {removing && data.data && (
          <ConfirmDialog
            cancelLabel={t('common.cancel')}
            closeOnSuccess
            title={t('rbac.removeTitle', { role: removing.roleName, principal: removing.principalName })}
            body={t('rbac.removeBody')}
            confirmLabel={t('rbac.remove')}
            testId="role-assignment-remove-confirm"
            onConfirm={async () => {
              await removeRoleAssignment(data.data!.token, subscription.id, removing.id)
              setAdded(null)
              data.reload()
            }}
            onClose={() => setRemoving(null)}
          />
        )}
      </DialogSurface>
    </Dialog>
  )
}
