import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import {
  AddRegular,
  ArrowClockwiseRegular,
  DeleteRegular,
  DismissCircleRegular,
  EditRegular,
  LockClosedRegular,
} from '@fluentui/react-icons'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  GLOBAL_ADMINISTRATOR,
  autoExtends,
  deleteRelationship,
  durationDays,
  getRelationship,
  givesAccess,
  isEnded,
  isTransitional,
  listAssignments,
  listGroups,
  listOperations,
  listRequests,
  listRoles,
  operationInProgress,
  patchRelationship,
  requestAction,
  roleIdsOf,
  type GdapRole,
  type GraphRelationship,
} from '../api.ts'
import { usePolling } from '../../../shared/hooks/use-polling.ts'
import type { GdapViewer } from '../viewer.ts'
import { ActionErrorBox, actionErrorOf, type ActionError } from './ActionErrorBox.tsx'
import { AssignmentEditor } from './AssignmentEditor.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { GdapBreadcrumb } from './GdapBreadcrumb.tsx'
import { OperationsTable, RequestsTable } from './HistoryTables.tsx'
import { LifecycleSteps } from './LifecycleSteps.tsx'
import { RelationshipFacts } from './RelationshipFacts.tsx'
import { AutoExtendField, DurationField, NameField, parseDays, validateName } from './RelationshipFields.tsx'
import { RolePicker } from './RolePicker.tsx'
import { RoleTable } from './RoleTable.tsx'
import { RelationshipStatusBadge } from './StatusBadges.tsx'

const POLL_MS = 2000

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  sectionIntro: {
    display: 'block',
    marginBottom: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
  },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
    marginBottom: tokens.spacingVerticalXL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  panelBar: { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalXL },
  linkRow: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  link: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  narrow: { maxWidth: '480px' },
  formActions: { display: 'flex', gap: tokens.spacingHorizontalS },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

type Busy = 'lock' | 'delete' | 'terminate' | 'autoExtend' | 'save' | null

/** The link the customer's administrator opens to approve (the portal's approval page). */
export const approvalLinkOf = (id: string) =>
  `${window.location.origin}/gdap/approve/${encodeURIComponent(id)}`

/**
 * One relationship as the partner sees it: its lifecycle, what can be done in its status (edit,
 * lock, delete; send the approval link; auto-extend, terminate), its roles, the access
 * assignments editor while active, and its requests and operations.
 */
export function RelationshipDetailPage({ viewer }: { viewer: GdapViewer }) {
  const { t, i18n } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const location = useLocation()
  const { id = '' } = useParams()
  const justCreated = (location.state as { created?: boolean } | null)?.created === true

  const loaded = useApiResource((signal) => getRelationship(id, signal), [id])
  const catalog = useApiResource((signal) => listRoles(signal), [])
  const history = useApiResource(
    async (signal) => {
      const [requests, operations] = await Promise.all([listRequests(id, signal), listOperations(id, signal)])
      return { requests, operations }
    },
    [id],
  )
  // After a change the server's answer (with its new ETag) is what we show, until the next load.
  const [changed, setChanged] = useState<GraphRelationship | null>(null)
  useEffect(() => setChanged(null), [loaded.data])
  const relationship = changed ?? loaded.data
  const live = relationship ? givesAccess(relationship.status) : false
  // Ended relationships keep their (deleted) assignments: the operations list still names groups.
  const wasActive = relationship ? live || relationship.activatedDateTime !== null : false
  const access = useApiResource(
    async (signal) => {
      if (!wasActive) return null
      const [assignments, groups] = await Promise.all([listAssignments(id, signal), listGroups(signal)])
      return { assignments, groups }
    },
    [id, wasActive],
  )

  const [busy, setBusy] = useState<Busy>(null)
  const [actionError, setActionError] = useState<ActionError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [confirm, setConfirm] = useState<'delete' | 'terminate' | null>(null)
  // Server messages are in the language they were asked in; drop them rather than mix languages.
  useEffect(() => setActionError(null), [i18n.language])
  useDocumentTitle(relationship?.displayName ?? t('gdapList.title'))

  const operations = history.data?.operations ?? []
  const assignments = access.data?.assignments ?? []
  const somethingPending =
    (relationship !== undefined && isTransitional(relationship.status)) ||
    assignments.some((a) => a.status === 'pending' || a.status === 'deleting') ||
    operations.some(operationInProgress)
  const refreshAll = () => {
    loaded.reload()
    history.reload()
    access.reload()
  }
  usePolling(somethingPending, POLL_MS, refreshAll)

  if (loaded.error?.status === 404) {
    return (
      <div className={styles.notFound}>
        <GdapBreadcrumb />
        <MessageBar intent="warning" data-testid="gdap-not-found">
          <MessageBarBody>{t('gdapDetail.notFound')}</MessageBarBody>
        </MessageBar>
        <RouterLink to="/gdap">{t('gdapDetail.backToList')}</RouterLink>
      </div>
    )
  }
  if (loaded.error && !relationship) {
    return (
      <>
        <GdapBreadcrumb />
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    )
  }
  if (!relationship) return <LoadingState label={t('gdapDetail.loading')} />

  const r = relationship
  const roleIds = roleIdsOf(r.accessDetails)
  const roles = catalog.data ?? []
  const customerName = r.customer?.displayName ?? r.customer?.tenantId ?? ''
  const hasGlobalAdmin = roleIds.includes(GLOBAL_ADMINISTRATOR)
  const manage = viewer.canManage

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<unknown>, success?: string) => {
    setBusy(kind)
    setActionError(null)
    setNotice(null)
    try {
      const result = await action()
      if (result && typeof result === 'object' && 'status' in result && 'accessDetails' in result) {
        setChanged(result as GraphRelationship)
      } else {
        loaded.reload()
      }
      history.reload()
      if (success) setNotice(success)
      return true
    } catch (caught) {
      setActionError(actionErrorOf(caught))
      return false
    } finally {
      setBusy(null)
    }
  }

  const reload = () => {
    setActionError(null)
    setNotice(null)
    refreshAll()
  }

  const actions = (
    <>
      <Button
        appearance="subtle"
        icon={loaded.loading ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
        onClick={reload}
        data-testid="gdap-refresh"
      >
        {t('gdapCommon.refresh')}
      </Button>
      {manage && r.status === 'created' && !editing && (
        <>
          <Button
            icon={<EditRegular />}
            onClick={() => setEditing(true)}
            disabled={busy !== null}
            data-testid="gdap-edit"
          >
            {t('gdapDetail.edit')}
          </Button>
          <Button
            icon={<DeleteRegular />}
            onClick={() => setConfirm('delete')}
            disabled={busy !== null}
            data-testid="gdap-delete"
          >
            {t('gdapDetail.delete')}
          </Button>
          <Button
            appearance="primary"
            icon={busy === 'lock' ? <Spinner size="tiny" /> : <LockClosedRegular />}
            disabled={busy !== null}
            onClick={() =>
              void run('lock', () => requestAction(r.id, 'lockForApproval'), t('gdapDetail.locked'))
            }
            data-testid="gdap-lock"
          >
            {t('gdapDetail.lock')}
          </Button>
        </>
      )}
      {manage && givesAccess(r.status) && (
        <Button
          icon={<DismissCircleRegular />}
          onClick={() => setConfirm('terminate')}
          disabled={busy !== null}
          data-testid="gdap-terminate"
        >
          {t('gdapDetail.terminate')}
        </Button>
      )}
      {manage && isEnded(r.status) && (
        <Button
          appearance="primary"
          icon={<AddRegular />}
          onClick={() =>
            void navigate(
              r.customer ? `/gdap/new?customer=${encodeURIComponent(r.customer.tenantId)}` : '/gdap/new',
            )
          }
          data-testid="gdap-new-again"
        >
          {r.customer
            ? t('gdapDetail.newForCustomer', { customer: customerName })
            : t('gdapList.newRelationship')}
        </Button>
      )}
    </>
  )

  return (
    <article
      data-testid="gdap-detail"
      data-relationship-id={r.id}
      data-status={r.status}
      data-etag={r['@odata.etag']}
    >
      <PageHeader
        title={r.displayName}
        above={<GdapBreadcrumb current={r.displayName} />}
        below={
          <div className={styles.badges}>
            <RelationshipStatusBadge status={r.status} />
          </div>
        }
        actions={actions}
      />

      <div className={styles.messages} aria-live="polite">
        {justCreated && !notice && r.status === 'created' && (
          <MessageBar intent="success" data-testid="gdap-created">
            <MessageBarBody>{t('gdapDetail.createdMessage')}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success" data-testid="gdap-notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {actionError && <ActionErrorBox error={actionError} onReload={reload} />}
        {!manage && (
          <MessageBar intent="info" data-testid="gdap-read-only">
            <MessageBarBody>{t('gdapDetail.readOnly')}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <LifecycleSteps status={r.status} activated={r.activatedDateTime !== null} />

      <StatusPanel
        relationship={r}
        manage={manage}
        hasGlobalAdmin={hasGlobalAdmin}
        lockedAt={
          history.data?.requests.find((q) => q.action === 'lockForApproval')?.createdDateTime ??
          r.lastModifiedDateTime
        }
        busy={busy}
        refreshing={loaded.loading}
        onRefresh={reload}
        onAutoExtend={(on) =>
          void run(
            'autoExtend',
            () => patchRelationship(r, { autoExtend: on }),
            on ? t('gdapDetail.autoExtendOnSaved') : t('gdapDetail.autoExtendOffSaved'),
          )
        }
      />

      {editing && r.status === 'created' && (
        <EditRelationshipForm
          relationship={r}
          catalog={roles}
          busy={busy === 'save'}
          onCancel={() => setEditing(false)}
          onSave={(patch) =>
            void run('save', () => patchRelationship(r, patch), t('gdapDetail.saved')).then(
              (ok) => ok && setEditing(false),
            )
          }
        />
      )}

      <RelationshipFacts relationship={r} linkCustomer={viewer.tenantKind === 'partner'} />

      <section className={styles.section} aria-labelledby="gdap-roles-title">
        <Subtitle1 as="h2" id="gdap-roles-title" className={styles.sectionTitle}>
          {t('gdapDetail.roles')}
        </Subtitle1>
        {catalog.error && <ErrorMessage error={catalog.error} onRetry={catalog.reload} />}
        <RoleTable roleIds={roleIds} catalog={roles} labelledBy="gdap-roles-title" />
      </section>

      <section className={styles.section} aria-labelledby="gdap-assignments-title">
        <Subtitle1 as="h2" id="gdap-assignments-title" className={styles.sectionTitle}>
          {t('gdapAssignments.title')}
        </Subtitle1>
        <Text className={styles.sectionIntro}>{t('gdapAssignments.intro')}</Text>
        {!live ? (
          <Text as="p" className={styles.muted} data-testid="gdap-assignments-inactive">
            {isEnded(r.status) ? t('gdapAssignments.ended') : t('gdapAssignments.onlyActive')}
          </Text>
        ) : access.error && !access.data ? (
          <ErrorMessage error={access.error} onRetry={access.reload} />
        ) : !access.data ? (
          <LoadingState label={t('gdapAssignments.loading')} />
        ) : (
          <AssignmentEditor
            relationshipId={r.id}
            relationshipRoleIds={roleIds}
            customerName={customerName}
            assignments={access.data.assignments}
            groups={access.data.groups}
            operations={operations}
            catalog={roles}
            canManage={manage}
            refreshing={access.loading}
            onChanged={() => {
              access.reload()
              history.reload()
            }}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby="gdap-requests-title">
        <Subtitle1 as="h2" id="gdap-requests-title" className={styles.sectionTitle}>
          {t('gdapDetail.requests')}
        </Subtitle1>
        {history.error && !history.data && <ErrorMessage error={history.error} onRetry={history.reload} />}
        {history.data && <RequestsTable requests={history.data.requests} />}
      </section>
      <section className={styles.section} aria-labelledby="gdap-operations-title">
        <Subtitle1 as="h2" id="gdap-operations-title" className={styles.sectionTitle}>
          {t('gdapDetail.operations')}
        </Subtitle1>
        {history.data && (
          <OperationsTable
            operations={history.data.operations}
            catalog={roles}
            groupOfAssignment={(assignmentId) => {
              const a = assignments.find((x) => x.id === assignmentId)
              if (!a) return undefined
              return access.data?.groups.find((g) => g.id === a.accessContainer.accessContainerId)
                ?.displayName
            }}
          />
        )}
      </section>

      <ConfirmDialog
        cancelLabel={t('gdapCommon.cancel')}
        danger
        open={confirm === 'terminate'}
        title={t('gdapDetail.terminateTitle')}
        body={t('gdapDetail.terminateBody', { customer: customerName || t('gdapDetail.theCustomer') })}
        confirmLabel={t('gdapDetail.terminate')}
        busy={busy === 'terminate'}
        testId="gdap-terminate-confirm"
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          void run(
            'terminate',
            () => requestAction(r.id, 'terminate'),
            t('gdapDetail.terminateRequested'),
          ).then(() => setConfirm(null))
        }
      />
      <ConfirmDialog
        cancelLabel={t('gdapCommon.cancel')}
        danger
        open={confirm === 'delete'}
        title={t('gdapDetail.deleteTitle')}
        body={t('gdapDetail.deleteBody', { name: r.displayName })}
        confirmLabel={t('gdapDetail.delete')}
        busy={busy === 'delete'}
        testId="gdap-delete-confirm"
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setBusy('delete')
          setActionError(null)
          deleteRelationship(r).then(
            () => void navigate('/gdap', { state: { deleted: r.displayName } }),
            (caught: unknown) => {
              setActionError(actionErrorOf(caught))
              setBusy(null)
              setConfirm(null)
            },
          )
        }}
      />
    </article>
  )
}

/** What the current status asks of the partner: lock, send the link, wait, or manage auto-extend. */
function StatusPanel({
  relationship: r,
  manage,
  hasGlobalAdmin,
  lockedAt,
  busy,
  refreshing,
  onRefresh,
  onAutoExtend,
}: {
  relationship: GraphRelationship
  manage: boolean
  hasGlobalAdmin: boolean
  lockedAt: string
  busy: Busy
  refreshing: boolean
  onRefresh: () => void
  onAutoExtend: (on: boolean) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const customerName = r.customer?.displayName ?? r.customer?.tenantId

  if (r.status === 'created') {
    return (
      <div className={styles.panel} data-testid="gdap-status-panel" data-status={r.status}>
        <Text>{t('gdapDetail.lockHint')}</Text>
      </div>
    )
  }
  if (r.status === 'approvalPending') {
    const link = approvalLinkOf(r.id)
    // Graph: a request not approved within 90 days lapses.
    const lapse = new Date(new Date(lockedAt).getTime() + 90 * 86_400_000).toISOString()
    return (
      <div className={styles.panel} data-testid="gdap-status-panel" data-status={r.status}>
        <MessageBarTitle>{t('gdapDetail.approvalLinkTitle')}</MessageBarTitle>
        <div className={styles.linkRow}>
          <span className={styles.link}>
            <CopyableText value={link} copyLabel={t('gdapDetail.copyLink')} testId="gdap-approval-link" />
          </span>
        </div>
        <Text className={styles.muted}>
          {customerName
            ? t('gdapDetail.approvalLinkHint', { customer: customerName, date: format.date(lapse) })
            : t('gdapDetail.approvalLinkHintAny', { date: format.date(lapse) })}
        </Text>
      </div>
    )
  }
  if (isTransitional(r.status)) {
    return (
      <MessageBar
        intent="info"
        className={styles.panelBar}
        data-testid="gdap-status-panel"
        data-status={r.status}
      >
        <MessageBarBody>
          <span className={styles.linkRow}>
            <Spinner size="extra-tiny" />
            {t(
              `gdapDetail.inProgress.${r.status as 'approved' | 'activating' | 'terminationRequested' | 'terminating'}`,
            )}
          </span>
        </MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            icon={refreshing ? <Spinner size="extra-tiny" /> : <ArrowClockwiseRegular />}
            onClick={onRefresh}
            data-testid="gdap-in-progress-refresh"
          >
            {t('gdapCommon.refresh')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    )
  }
  if (givesAccess(r.status)) {
    const on = autoExtends(r.autoExtendDuration)
    return (
      <div className={styles.panel} data-testid="gdap-status-panel" data-status={r.status}>
        <Field
          label={t('gdapNew.autoExtend')}
          hint={
            hasGlobalAdmin
              ? t('gdapNew.autoExtendGlobalAdmin')
              : on
                ? t('gdapDetail.autoExtendOnHint', { date: format.date(r.endDateTime) })
                : t('gdapDetail.autoExtendOffHint', { date: format.date(r.endDateTime) })
          }
        >
          <Switch
            checked={on}
            disabled={!manage || hasGlobalAdmin || busy !== null}
            onChange={(_event, data) => onAutoExtend(data.checked)}
            label={
              busy === 'autoExtend' ? t('gdapCommon.saving') : on ? t('gdapCommon.on') : t('gdapCommon.off')
            }
            data-testid="gdap-auto-extend"
          />
        </Field>
      </div>
    )
  }
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      className={styles.panelBar}
      data-testid="gdap-status-panel"
      data-status={r.status}
    >
      <MessageBarBody>
        {customerName ? t('gdapDetail.ended', { customer: customerName }) : t('gdapDetail.endedNoCustomer')}
      </MessageBarBody>
    </MessageBar>
  )
}

/** Name, duration, auto-extend and roles: changeable only while the relationship is `created`. */
function EditRelationshipForm({
  relationship: r,
  catalog,
  busy,
  onSave,
  onCancel,
}: {
  relationship: GraphRelationship
  catalog: GdapRole[]
  busy: boolean
  onSave: (patch: { displayName: string; days: number; roleIds: string[]; autoExtend: boolean }) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const [name, setName] = useState(r.displayName)
  const [days, setDays] = useState(String(durationDays(r.duration) ?? ''))
  const [roleIds, setRoleIds] = useState(roleIdsOf(r.accessDetails))
  const [autoExtend, setAutoExtend] = useState(autoExtends(r.autoExtendDuration))
  const [submitted, setSubmitted] = useState(false)
  const globalAdmin = roleIds.includes(GLOBAL_ADMINISTRATOR)
  const nameProblem = validateName(name)
  const parsed = parseDays(days)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (nameProblem || parsed === null || roleIds.length === 0) return
    onSave({ displayName: name.trim(), days: parsed, roleIds, autoExtend: autoExtend && !globalAdmin })
  }

  return (
    <form
      className={styles.panel}
      onSubmit={submit}
      noValidate
      data-testid="gdap-edit-form"
      aria-labelledby="gdap-edit-title"
    >
      <Subtitle1 as="h2" id="gdap-edit-title">
        {t('gdapDetail.editTitle')}
      </Subtitle1>
      <Text className={styles.muted}>{t('gdapDetail.editHint')}</Text>
      <NameField
        className={styles.narrow}
        value={name}
        onChange={setName}
        problem={submitted ? nameProblem : null}
        testId="gdap-edit-name"
      />
      <DurationField
        className={styles.narrow}
        value={days}
        onChange={setDays}
        showProblem={submitted}
        testId="gdap-edit-duration"
      />
      <AutoExtendField
        className={styles.narrow}
        value={autoExtend}
        onChange={setAutoExtend}
        globalAdmin={globalAdmin}
        testId="gdap-edit-auto-extend"
      />
      <RolePicker
        roles={catalog}
        selected={roleIds}
        onChange={setRoleIds}
        validationMessage={submitted && roleIds.length === 0 ? t('gdapRoles.required') : undefined}
      />
      <div className={styles.formActions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          data-testid="gdap-edit-save"
        >
          {busy ? t('gdapCommon.saving') : t('gdapDetail.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy} data-testid="gdap-edit-cancel">
          {t('gdapCommon.cancel')}
        </Button>
      </div>
    </form>
  )
}
