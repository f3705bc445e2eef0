import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  GLOBAL_ADMINISTRATOR,
  autoExtends,
  durationDays,
  getRelationship,
  isTransitional,
  listRoles,
  requestAction,
  roleIdsOf,
  type GraphRelationship,
} from '../api.ts'
import { usePolling } from '../../../shared/hooks/use-polling.ts'
import type { GdapViewer } from '../viewer.ts'
import { ActionErrorBox, actionErrorOf, type ActionError } from './ActionErrorBox.tsx'
import { GdapBreadcrumb } from './GdapBreadcrumb.tsx'
import { LifecycleSteps } from './LifecycleSteps.tsx'
import { RoleTable } from './RoleTable.tsx'
import { RelationshipStatusBadge } from './StatusBadges.tsx'

const DAY_MS = 86_400_000

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalL} 0`,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  section: { marginTop: tokens.spacingVerticalXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  decision: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalXL,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  decisionText: { flexGrow: 1, flexBasis: '300px' },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

/**
 * The customer's side of the invitation link: what the partner asks for (name, duration, roles and
 * what each allows, a warning for Global Administrator), then Approve or Reject.
 */
export function ApprovalPage({ viewer }: { viewer: GdapViewer }) {
  const { t, i18n } = useTranslation()
  const styles = useStyles()
  const format = useFormat()
  const { id = '' } = useParams()
  const loaded = useApiResource((signal) => getRelationship(id, signal), [id])
  const catalog = useApiResource((signal) => listRoles(signal), [])
  const [outcome, setOutcome] = useState<'approve' | 'reject' | null>(null)
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null)
  const [error, setError] = useState<ActionError | null>(null)
  useEffect(() => setError(null), [i18n.language])
  // After a rejection an open invitation is no longer visible to this tenant (404): keep showing
  // what was decided on, with the status the rejection gives it.
  const [decided, setDecided] = useState<GraphRelationship | null>(null)
  const r = decided ?? loaded.data
  useDocumentTitle(r?.status === 'approvalPending' ? t('gdapApproval.title') : t('gdapApproval.titleDone'))
  // approve → activating → active: the scheduler finishes within seconds
  usePolling(r !== undefined && isTransitional(r.status), 2000, loaded.reload)

  const customerSide = viewer.tenantKind === 'customer'
  if (loaded.error?.status === 404 && !decided) {
    return (
      <div className={styles.notFound}>
        <GdapBreadcrumb customerSide={customerSide} />
        <MessageBar intent="warning" data-testid="gdap-approval-not-found">
          <MessageBarBody>{t('gdapApproval.notFound')}</MessageBarBody>
        </MessageBar>
      </div>
    )
  }
  if (loaded.error && !r && !decided) {
    return (
      <>
        <GdapBreadcrumb customerSide={customerSide} />
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    )
  }
  if (!r) return <LoadingState label={t('gdapApproval.loading')} />

  const roleIds = roleIdsOf(r.accessDetails)
  const days = durationDays(r.duration)
  const pending = r.status === 'approvalPending'
  const canDecide = customerSide && pending && outcome === null

  const decide = async (action: 'approve' | 'reject') => {
    setBusy(action)
    setError(null)
    try {
      await requestAction(r.id, action)
      setOutcome(action)
      if (action === 'reject') setDecided({ ...r, status: 'terminated' })
      else loaded.reload()
    } catch (caught) {
      setError(actionErrorOf(caught))
    } finally {
      setBusy(null)
    }
  }

  const facts: [string, string, ReactNode][] = [
    ['name', t('gdapApproval.name'), r.displayName],
    [
      'customer',
      t('gdapApproval.customer'),
      r.customer?.displayName ??
        (customerSide
          ? t('gdapApproval.unbound', { tenant: viewer.tenantName })
          : t('gdapDetail.noCustomer')),
    ],
    [
      'duration',
      t('gdapApproval.duration'),
      days !== null && pending
        ? t('gdapApproval.durationValue', {
            duration: format.duration(r.duration),
            date: format.date(new Date(Date.now() + days * DAY_MS).toISOString()),
          })
        : format.duration(r.duration),
    ],
    [
      'auto-extend',
      t('gdapApproval.autoExtend'),
      autoExtends(r.autoExtendDuration)
        ? t('gdapApproval.autoExtendOn', { duration: format.duration(r.autoExtendDuration) })
        : t('gdap.autoExtendOff'),
    ],
  ]
  if (r.endDateTime) facts.push(['end', t('gdapDetail.endAt'), format.dateTime(r.endDateTime)])

  return (
    <article data-testid="gdap-approval" data-relationship-id={r.id} data-status={r.status}>
      <PageHeader
        title={pending ? t('gdapApproval.title') : t('gdapApproval.titleDone')}
        above={<GdapBreadcrumb customerSide={customerSide} current={r.displayName} />}
        description={
          customerSide && pending ? t('gdapApproval.intro', { tenant: viewer.tenantName }) : undefined
        }
        below={
          <div className={styles.badges}>
            <RelationshipStatusBadge status={r.status} />
          </div>
        }
      />

      <div className={styles.messages} aria-live="polite">
        {!customerSide && (
          <MessageBar intent="info" data-testid="gdap-approval-partner-note">
            <MessageBarBody>
              {viewer.tenantKind === 'partner'
                ? t('gdapApproval.partnerSide')
                : t('gdapApproval.customerOnly')}{' '}
              {viewer.tenantKind === 'partner' && (
                <RouterLink
                  to={`/gdap/relationships/${encodeURIComponent(r.id)}`}
                  data-testid="gdap-approval-open-detail"
                >
                  {t('gdapApproval.openDetail')}
                </RouterLink>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome && <Outcome outcome={outcome} status={r.status} />}
        {!outcome && !pending && customerSide && (
          <MessageBar intent="info" data-testid="gdap-approval-not-pending">
            <MessageBarBody>
              {t('gdapApproval.notPending', { status: t(`gdapStatus.${r.status}`).toLowerCase() })}
            </MessageBarBody>
          </MessageBar>
        )}
        {error && <ActionErrorBox error={error} onReload={loaded.reload} />}
      </div>

      <LifecycleSteps status={r.status} activated={r.activatedDateTime !== null} />

      <dl className={styles.facts} data-testid="gdap-approval-facts">
        {facts.map(([key, term, value]) => (
          <div key={key} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value} data-testid={`gdap-approval-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      {roleIds.includes(GLOBAL_ADMINISTRATOR) && (
        <MessageBar intent="warning" layout="multiline" data-testid="gdap-approval-global-admin">
          <MessageBarBody>
            <MessageBarTitle>{t('gdapApproval.globalAdminTitle')}</MessageBarTitle>
            {t('gdapApproval.globalAdminWarning')}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="gdap-approval-roles-title">
        <Subtitle1 as="h2" id="gdap-approval-roles-title" className={styles.sectionTitle}>
          {t('gdapApproval.roles')}
        </Subtitle1>
        {catalog.error && <ErrorMessage error={catalog.error} onRetry={catalog.reload} />}
        <RoleTable roleIds={roleIds} catalog={catalog.data ?? []} labelledBy="gdap-approval-roles-title" />
      </section>

      {canDecide && (
        <div className={styles.decision} data-testid="gdap-approval-decision">
          <span className={styles.decisionText}>{t('gdapApproval.decisionHint')}</span>
          <Button
            appearance="primary"
            icon={busy === 'approve' ? <Spinner size="tiny" /> : <CheckmarkRegular />}
            disabled={busy !== null}
            onClick={() => void decide('approve')}
            data-testid="gdap-approve"
          >
            {t('gdapApproval.approve')}
          </Button>
          <Button
            icon={busy === 'reject' ? <Spinner size="tiny" /> : <DismissRegular />}
            disabled={busy !== null}
            onClick={() => void decide('reject')}
            data-testid="gdap-reject"
          >
            {t('gdapApproval.reject')}
          </Button>
        </div>
      )}
    </article>
  )
}

function Outcome({ outcome, status }: { outcome: 'approve' | 'reject'; status: string }) {
  const { t } = useTranslation()
  if (outcome === 'reject') {
    return (
      <MessageBar
        intent="info"
        data-testid="gdap-approval-result"
        data-outcome="rejected"
        data-status={status}
      >
        <MessageBarBody>{t('gdapApproval.rejected')}</MessageBarBody>
      </MessageBar>
    )
  }
  if (status === 'active') {
    return (
      <MessageBar
        intent="success"
        data-testid="gdap-approval-result"
        data-outcome="approved"
        data-status={status}
      >
        <MessageBarBody>{t('gdapApproval.active')}</MessageBarBody>
      </MessageBar>
    )
  }
  return (
    <MessageBar intent="info" data-testid="gdap-approval-result" data-outcome="approved" data-status={status}>
      <MessageBarBody>
        <Spinner size="extra-tiny" as="span" /> {t('gdapApproval.approved')}
      </MessageBarBody>
    </MessageBar>
  )
}
