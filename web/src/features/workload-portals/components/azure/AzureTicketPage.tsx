import {
  Avatar,
  Badge,
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { ArrowClockwiseRegular, LockClosedRegular, LockOpenRegular, SendRegular } from '@fluentui/react-icons'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { ApiError } from '../../../../shared/api/client.ts'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import { RouterLink, useRouterLinkProps } from '../../../../shared/ui/RouterLink.tsx'
import type { Refusal, Severity } from '../../../service-requests/api.ts'
import { RefusalBox } from '../../../service-requests/components/RefusalBox.tsx'
import {
  SEVERITIES,
  addCommunication,
  getTicket,
  listCommunications,
  refusalFromArmError,
  updateTicket,
  type SupportTicket,
} from '../../api/arm.ts'
import { azureSubscriptions } from '../../api/portal.ts'
import { tenantQuery, usePortalContext, type PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { COUNTRIES } from './contact.ts'
import { TicketSeverityBadge, TicketStatusBadge, isClosed, useSupportPlanLabel } from './TicketBadges.tsx'

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(280px, 360px)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 1100px)': { gridTemplateColumns: '1fr' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  stacked: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  stackedTerm: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  value: {
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  description: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  message: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  bubble: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inbound: { backgroundColor: tokens.colorBrandBackground2 },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  body: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    marginTop: tokens.spacingVerticalXXS,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  severityRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
})

/** Azure support → one support request: details, SLA, contact, communications, severity, close / reopen. */
export function AzureTicketPage({ viewer }: { viewer: PortalViewer }) {
  const state = usePortalContext(viewer, 'https://management.azure.com', { ownToken: true })
  return (
    <PortalFrame portal="azure" state={state} viewer={viewer} tab="requests">
      {(context) => <AzureTicket key={context.tenantId} context={context} />}
    </PortalFrame>
  )
}

type ActionError = { kind: 'refusal'; refusal: Refusal } | { kind: 'error'; error: ApiError }

function actionErrorOf(caught: unknown): ActionError {
  const refusal = refusalFromArmError(caught)
  if (refusal) return { kind: 'refusal', refusal }
  return {
    kind: 'error',
    error: caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
  }
}

function TicketBreadcrumb({ context, current }: { context: PortalContext; current: string }) {
  const t = usePortalsT()
  const listLink = useRouterLinkProps(`/azure/support/requests${tenantQuery(context)}`)
  return (
    <Breadcrumb aria-label={t('azure.ticket.backToList')} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton {...listLink}>{t('azure.requests.title')}</BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  )
}

function AzureTicket({ context }: { context: PortalContext }) {
  const t = usePortalsT()
  const { t: tApp, i18n } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const location = useLocation()
  const planLabel = useSupportPlanLabel()
  const { subscription = '', name = '' } = useParams()
  const token = context.auth.token ?? ''
  const justCreated = (location.state as { created?: boolean } | null)?.created === true

  const loaded = useApiResource(
    (signal) => getTicket(token, subscription, name, signal),
    [token, subscription, name],
  )
  const communications = useApiResource(
    (signal) => listCommunications(token, subscription, name, signal),
    [token, subscription, name],
  )
  // Only for the subscription's name; the ticket shows its id until (or if never) it comes.
  const subscriptions = useApiResource(
    (signal) => azureSubscriptions(context, signal),
    [context.kind, context.tenantId],
  )
  const subscriptionName = subscriptions.data?.find((s) => s.id === subscription)?.name
  const [changed, setChanged] = useState<SupportTicket | null>(null)
  const [busy, setBusy] = useState<'severity' | 'close' | 'reopen' | 'message' | null>(null)
  const [actionError, setActionError] = useState<ActionError | null>(null)
  const [notice, setNotice] = useState<'severity' | 'message' | 'closed' | 'reopened' | null>(null)
  const [newSeverity, setNewSeverity] = useState<Severity | ''>('')
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [attempted, setAttempted] = useState(false)

  useEffect(() => setChanged(null), [loaded.data])
  useEffect(() => setActionError(null), [i18n.language])

  const ticket = changed ?? loaded.data
  useDocumentTitle(ticket ? ticket.properties.title : t('azure.ticket.title'))

  if (loaded.error && !ticket) {
    return (
      <>
        <TicketBreadcrumb context={context} current={name} />
        {loaded.error.status === 404 ? (
          <MessageBar intent="warning" data-testid="azure-ticket-not-found">
            <MessageBarBody>{t('azure.ticket.notFound')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
        )}
      </>
    )
  }
  if (!ticket) return <LoadingState label={t('azure.ticket.loading')} />

  const p = ticket.properties
  const closed = isClosed(ticket)
  const sla = p.serviceLevelAgreement
  const overdue = !closed && sla !== undefined && new Date(sla.expirationTime).getTime() < Date.now()
  const contact = p.contactDetails
  const severityChoice = newSeverity || p.severity

  const run = async (
    kind: 'severity' | 'close' | 'reopen' | 'message',
    action: () => Promise<SupportTicket | null>,
  ): Promise<boolean> => {
    setBusy(kind)
    setActionError(null)
    setNotice(null)
    try {
      const next = await action()
      if (next) setChanged(next)
      setNotice(
        kind === 'close'
          ? 'closed'
          : kind === 'reopen'
            ? 'reopened'
            : kind === 'severity'
              ? 'severity'
              : 'message',
      )
      return true
    } catch (caught) {
      setActionError(actionErrorOf(caught))
      return false
    } finally {
      setBusy(null)
    }
  }

  const sendMessage = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setAttempted(true)
    if (!subject.trim() || !body.trim() || busy) return
    const ok = await run('message', async () => {
      await addCommunication(token, subscription, name, { subject: subject.trim(), body: body.trim() })
      return null
    })
    if (ok) {
      setSubject('')
      setBody('')
      setAttempted(false)
      communications.reload()
    }
  }

  const facts: [string, string, ReactNode][] = [
    ['id', t('azure.ticket.id'), <span key="id">{p.supportTicketId}</span>],
    ['plan', t('azure.ticket.plan'), planLabel(p.supportPlanType)],
    [
      'sla',
      t('azure.ticket.sla'),
      sla ? (
        <span
          className={overdue ? styles.overdue : undefined}
          data-sla-minutes={sla.slaMinutes}
          data-sla-start={sla.startTime}
          data-sla-due={sla.expirationTime}
        >
          {t('azure.ticket.slaValue', {
            duration: format.minutes(sla.slaMinutes),
            due: format.dateTime(sla.expirationTime),
          })}
          {overdue && ` (${t('azure.requests.overdue')})`}
        </span>
      ) : (
        '—'
      ),
    ],
    ['service', t('azure.ticket.service'), p.serviceDisplayName],
    ['problem', t('azure.ticket.problem'), p.problemClassificationDisplayName ?? '—'],
    [
      'subscription',
      t('azure.ticket.subscription'),
      subscriptionName ? (
        <>
          <span>{subscriptionName}</span>
          <Caption1 className={styles.muted}>{subscription}</Caption1>
        </>
      ) : (
        <span key="sub">{subscription}</span>
      ),
    ],
    ['created', t('azure.ticket.created'), format.dateTime(p.createdDate)],
  ]
  if (sla) facts.push(['sla-start', t('azure.ticket.slaStart'), format.dateTime(sla.startTime)])

  const contactFacts: [string, string, ReactNode][] = contact
    ? [
        ['name', t('azure.contact.name'), `${contact.firstName} ${contact.lastName}`.trim()],
        [
          'email',
          t('azure.contact.email'),
          <Link key="email" href={`mailto:${contact.primaryEmailAddress}`}>
            {contact.primaryEmailAddress}
          </Link>,
        ],
        ['phone', t('azure.contact.phone'), contact.phoneNumber || '—'],
        [
          'method',
          t('azure.contact.method'),
          contact.preferredContactMethod === 'phone'
            ? t('azure.contact.methodPhone')
            : t('azure.contact.methodEmail'),
        ],
        ['time-zone', t('azure.contact.timeZone'), contact.preferredTimeZone.replace(/_/g, ' ')],
        [
          'country',
          t('azure.contact.country'),
          format.country(COUNTRIES[contact.country.toLowerCase()] ?? contact.country.toUpperCase()),
        ],
        ['language', t('azure.contact.language'), format.locale(contact.preferredSupportLanguage)],
      ]
    : []

  const factList = (list: [string, string, ReactNode][], prefix: string, stacked = false) => (
    <dl className={stacked ? styles.stacked : styles.facts}>
      {list.map(([id, term, value]) => (
        <div key={id} className={styles.pair}>
          <dt className={stacked ? styles.stackedTerm : styles.term}>{term}</dt>
          <dd className={styles.value} data-testid={`${prefix}-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )

  return (
    <article
      data-testid="azure-ticket"
      data-ticket-name={ticket.name}
      data-ticket-id={p.supportTicketId}
      data-status={p.status.toLowerCase()}
      data-severity={p.severity}
    >
      <PageHeader
        title={p.title}
        above={<TicketBreadcrumb context={context} current={p.supportTicketId} />}
        below={
          <div className={styles.badges}>
            <TicketStatusBadge status={p.status} />
            <TicketSeverityBadge ticket={ticket} />
            {p.supportPlanType && (
              <Badge appearance="outline" color="informative">
                {planLabel(p.supportPlanType)}
              </Badge>
            )}
          </div>
        }
        actions={
          <>
            <Button
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              onClick={() => {
                setActionError(null)
                loaded.reload()
                communications.reload()
              }}
              disabled={loaded.loading}
              data-testid="azure-ticket-refresh"
            >
              {t('common.refresh')}
            </Button>
            {closed ? (
              <Button
                icon={busy === 'reopen' ? <Spinner size="tiny" /> : <LockOpenRegular />}
                disabled={busy !== null}
                onClick={() =>
                  void run('reopen', () => updateTicket(token, subscription, name, { status: 'open' }))
                }
                data-testid="azure-ticket-reopen"
              >
                {t('azure.ticket.reopen')}
              </Button>
            ) : (
              <Button
                icon={busy === 'close' ? <Spinner size="tiny" /> : <LockClosedRegular />}
                disabled={busy !== null}
                onClick={() =>
                  void run('close', () => updateTicket(token, subscription, name, { status: 'closed' }))
                }
                data-testid="azure-ticket-close"
              >
                {t('azure.ticket.close')}
              </Button>
            )}
          </>
        }
      />

      <div className={styles.messages} aria-live="polite">
        {justCreated && !changed && !notice && (
          <MessageBar intent="success" data-testid="azure-ticket-created">
            <MessageBarBody>{t('azure.ticket.createdMessage', { id: p.supportTicketId })}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success" data-testid="azure-ticket-notice" data-notice={notice}>
            <MessageBarBody>{t(`azure.ticket.notice.${notice}`)}</MessageBarBody>
          </MessageBar>
        )}
        {actionError?.kind === 'refusal' && (
          <RefusalBox refusal={actionError.refusal} testId="azure-action-refusal" />
        )}
        {actionError?.kind === 'error' && <ErrorMessage error={actionError.error} />}
      </div>

      <div className={styles.layout}>
        <div className={styles.main}>
          <section aria-labelledby="azure-ticket-details">
            <Subtitle1 as="h2" id="azure-ticket-details" className={styles.sectionTitle}>
              {t('azure.ticket.details')}
            </Subtitle1>
            {factList(facts, 'azure-ticket')}
          </section>
          <section aria-labelledby="azure-ticket-description">
            <Subtitle1 as="h2" id="azure-ticket-description" className={styles.sectionTitle}>
              {t('azure.ticket.description')}
            </Subtitle1>
            <Text as="p" className={styles.description} data-testid="azure-ticket-description-text">
              {p.description}
            </Text>
          </section>
          <section aria-labelledby="azure-ticket-messages">
            <Subtitle1 as="h2" id="azure-ticket-messages" className={styles.sectionTitle}>
              {t('azure.ticket.messages')}
            </Subtitle1>
            {communications.error && (
              <ErrorMessage error={communications.error} onRetry={communications.reload} />
            )}
            {communications.data && communications.data.length === 0 && (
              <Text className={styles.muted} data-testid="azure-communications-empty">
                {t('azure.ticket.noMessages')}
              </Text>
            )}
            {communications.data && communications.data.length > 0 && (
              <ol className={styles.list} data-testid="azure-communications">
                {[...communications.data]
                  .sort((a, b) => a.properties.createdDate.localeCompare(b.properties.createdDate))
                  .map((c) => (
                    <li
                      key={c.name}
                      className={styles.message}
                      data-testid="azure-communication"
                      data-communication-name={c.name}
                      data-direction={c.properties.communicationDirection}
                    >
                      <Avatar name={c.properties.sender} size={32} color="colorful" aria-hidden />
                      <div
                        className={
                          c.properties.communicationDirection === 'inbound'
                            ? `${styles.bubble} ${styles.inbound}`
                            : styles.bubble
                        }
                      >
                        <div className={styles.meta}>
                          <Text weight="semibold">{c.properties.subject}</Text>
                          <Caption1 className={styles.muted}>
                            {c.properties.sender} ·{' '}
                            <time dateTime={c.properties.createdDate}>
                              {format.dateTime(c.properties.createdDate)}
                            </time>
                          </Caption1>
                        </div>
                        <Text className={styles.body}>{c.properties.body}</Text>
                      </div>
                    </li>
                  ))}
              </ol>
            )}
            <form
              className={styles.form}
              onSubmit={(event) => void sendMessage(event)}
              noValidate
              data-testid="azure-message-form"
            >
              <Subtitle1 as="h3" className={styles.sectionTitle}>
                {t('azure.ticket.newMessage')}
              </Subtitle1>
              <Field
                label={t('azure.ticket.subject')}
                required
                validationMessage={attempted && !subject.trim() ? tApp('form.titleRequired') : undefined}
              >
                <Input
                  value={subject}
                  maxLength={200}
                  disabled={closed}
                  onChange={(_event, data) => setSubject(data.value)}
                  data-testid="azure-message-subject"
                />
              </Field>
              <Field
                label={t('azure.ticket.body')}
                required
                hint={closed ? t('azure.ticket.closedHint') : undefined}
                validationMessage={attempted && !body.trim() ? t('azure.ticket.bodyRequired') : undefined}
              >
                <Textarea
                  value={body}
                  rows={4}
                  resize="vertical"
                  maxLength={20000}
                  disabled={closed}
                  onChange={(_event, data) => setBody(data.value)}
                  data-testid="azure-message-body"
                />
              </Field>
              <div>
                <Button
                  type="submit"
                  appearance="primary"
                  disabled={closed || busy !== null}
                  icon={busy === 'message' ? <Spinner size="tiny" /> : <SendRegular />}
                  data-testid="azure-send-message"
                >
                  {t('azure.ticket.send')}
                </Button>
              </div>
            </form>
          </section>
        </div>

        <aside className={styles.side} aria-label={t('azure.ticket.manage')}>
          <Subtitle1 as="h2" className={styles.sectionTitle}>
            {t('azure.ticket.severityTitle')}
          </Subtitle1>
          <div className={styles.severityRow}>
            <Field label={t('azure.ticket.severity')} hint={t('azure.ticket.severityHint')}>
              <Select
                value={severityChoice}
                disabled={closed || busy !== null}
                onChange={(_event, data) => setNewSeverity(data.value as Severity)}
                data-testid="azure-ticket-severity"
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {tApp(`requests.severity.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={closed || busy !== null || severityChoice === p.severity}
              icon={busy === 'severity' ? <Spinner size="tiny" /> : undefined}
              onClick={() =>
                void run('severity', () =>
                  updateTicket(token, subscription, name, { severity: severityChoice }),
                ).then((ok) => ok && setNewSeverity(''))
              }
              data-testid="azure-ticket-severity-apply"
            >
              {t('azure.ticket.changeSeverity')}
            </Button>
          </div>
          <Subtitle1 as="h2" className={styles.sectionTitle}>
            {t('azure.ticket.contact')}
          </Subtitle1>
          {contact ? factList(contactFacts, 'azure-ticket-contact', true) : <Text>—</Text>}
          <Text size={200} className={styles.muted}>
            {t('azure.ticket.inPartnerPortal')}{' '}
            <RouterLink
              to={`/service-requests/${encodeURIComponent(p.supportTicketId)}`}
              data-testid="azure-ticket-partner-link"
            >
              {p.supportTicketId}
            </RouterLink>
          </Text>
        </aside>
      </div>
    </article>
  )
}
