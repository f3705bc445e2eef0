import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { ArrowClockwiseRegular, ArrowReplyRegular } from '@fluentui/react-icons'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  getRequest,
  listEngineers,
  postNote,
  updateRequest,
  uploadAttachment,
  type NoteInput,
  type Refusal,
  type RequestStatus,
  type RequestUpdate,
  type VersionedRequest,
  type Visibility,
} from '../api.ts'
import { refusalFromError } from '../refusal.ts'
import { isResponderNote, sideOf } from '../side.ts'
import type { RequestViewer } from '../viewer.ts'
import { AttachmentsSection } from './AttachmentsSection.tsx'
import { SeverityBadge, SlaBadge, StatusBadge } from './Badges.tsx'
import { DeskPanel, type DeskAction } from './DeskPanel.tsx'
import { NOTE_TEXT_ID, NotesTimeline } from './NotesTimeline.tsx'
import { RefusalBox } from './RefusalBox.tsx'
import { RequestFacts } from './RequestFacts.tsx'
import { RequestsBreadcrumb } from './NewRequestPage.tsx'
import { SlaClock } from './SlaClock.tsx'
import { useLifeT } from '../life-t.ts'
import { getTimeline, moveWithReason } from '../timeline-api.ts'
import { RequestLinks } from './RequestLinks.tsx'
import { RequestTimeline } from './RequestTimeline.tsx'
import { StatusMoveButton } from './StatusMoveButton.tsx'

const useStyles = makeStyles({
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 320px',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { minWidth: 0 },
  aside: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  description: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '900px',
  },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  question: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusSmall,
  },
  questionText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

type Origin = 'status' | 'desk' | 'notes' | 'attachments'
type Busy = 'status' | 'note' | 'upload' | DeskAction

type Feedback =
  | { origin: Origin; kind: 'refusal'; refusal: Refusal }
  | { origin: Origin; kind: 'conflict' }
  | { origin: Origin; kind: 'error'; error: ApiError }
  | { origin: Origin; kind: 'success'; message: string }

function failureOf(origin: Origin, caught: unknown): Feedback {
  const refusal = refusalFromError(caught)
  if (refusal) return { origin, kind: 'refusal', refusal }
  if (caught instanceof ApiError && caught.status === 412) return { origin, kind: 'conflict' }
  return {
    origin,
    kind: 'error',
    error: caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
  }
}

/** A change's outcome, shown where the change was made. */
function FeedbackBar({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation()
  switch (feedback.kind) {
    case 'refusal':
      return <RefusalBox refusal={feedback.refusal} testId="action-refusal" />
    case 'conflict':
      return (
        <MessageBar intent="warning" data-testid="action-conflict">
          <MessageBarBody>{t('detail.changedMeanwhileReloaded')}</MessageBarBody>
        </MessageBar>
      )
    case 'error':
      return (
        <div data-testid="action-error" data-error-code={feedback.error.code}>
          <ErrorMessage error={feedback.error} />
        </div>
      )
    case 'success':
      return (
        <MessageBar intent="success" data-testid="action-success">
          <MessageBarBody>{feedback.message}</MessageBarBody>
        </MessageBar>
      )
  }
}

const DESK_SUCCESS: Record<
  DeskAction,
  'detail.desk.assigned' | 'detail.desk.severityChanged' | 'detail.desk.externalReferenceSaved'
> = {
  assign: 'detail.desk.assigned',
  severity: 'detail.desk.severityChanged',
  reference: 'detail.desk.externalReferenceSaved',
}

/**
 * One request: its facts, description, attachments, notes and first-response clock; for whoever
 * works it also internal notes, asking for information, assignment and severity. Every change
 * sends the version the page shows (If-Match): a change made meanwhile by someone else is refused
 * (412), the page reloads and says so.
 */
export function RequestDetailPage({ viewer }: { viewer: RequestViewer }) {
  const { t, i18n } = useTranslation()
  const styles = useStyles()
  const { id = '' } = useParams()
  const location = useLocation()
  const justCreated = (location.state as { created?: boolean } | null)?.created === true
  const loaded = useApiResource((signal) => getRequest(id, signal), [id])
  // After a change the server's answer (with its new ETag) is what we show, until the next load.
  const [changed, setChanged] = useState<VersionedRequest | null>(null)
  const [busy, setBusy] = useState<Busy | null>(null)
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const [noteAdded, setNoteAdded] = useState(false)
  const [uploaded, setUploaded] = useState<string | null>(null)
  const isVendor = viewer.tenantKind === 'vendor'
  const engineers = useApiResource(
    (signal) => (isVendor ? listEngineers(signal) : Promise.resolve([])),
    [isVendor],
  )

  useEffect(() => {
    setChanged(null)
  }, [loaded.data])
  // Server messages are in the language they were asked in; drop them rather than mix languages.
  useEffect(() => setFeedback(null), [i18n.language])

  const current = changed ?? loaded.data
  const request = current?.request
  const lifeT = useLifeT()
  // the history follows every version the page shows (a change here, or a reload)
  const timeline = useApiResource((signal) => getTimeline(id, signal), [id, request?.version])
  useDocumentTitle(request ? `${request.id} – ${request.title}` : t('requests.title'))

  if (loaded.error?.status === 404) {
    return (
      <div className={styles.notFound}>
        <RequestsBreadcrumb current={id} />
        <MessageBar intent="warning" data-testid="request-not-found">
          <MessageBarBody>{t('detail.notFound')}</MessageBarBody>
        </MessageBar>
        <RouterLink to="/service-requests">{t('requests.backToList')}</RouterLink>
      </div>
    )
  }
  if (loaded.error && !request) {
    return (
      <>
        <RequestsBreadcrumb current={id} />
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      </>
    )
  }
  if (!current || !request) return <LoadingState label={t('detail.loading')} />

  const side = sideOf(viewer, request)
  const closed = request.status === 'closed'
  const waiting = request.status === 'attention_needed' ? (request.waitingOn ?? null) : null
  // the server says whom the request waits on for this reader: "you" only for the requester or contact
  const waitingOnViewer = waiting?.party === 'you' && side === 'requester'
  const waitingOnRequester = waiting !== null && side === 'responder'
  // the customer's admin, the requester's colleagues: they follow, the addressee answers
  const waitingOnOther = waiting !== null && !waitingOnViewer && !waitingOnRequester ? waiting : null
  // what the responder asked, quoted where the requester is told the request waits on them
  const question = waitingOnViewer
    ? (request.notes ?? []).findLast((n) => n.visibility !== 'internal' && isResponderNote(n, request))
    : undefined

  const run = async (
    origin: Origin,
    kind: Busy,
    action: () => Promise<VersionedRequest>,
    success?: string,
  ): Promise<boolean> => {
    setBusy(kind)
    setFeedback(null)
    setNoteAdded(false)
    setUploaded(null)
    try {
      const next = await action()
      // an answer without notes or files (none of today's) keeps the ones on screen
      setChanged({
        etag: next.etag,
        request: {
          ...next.request,
          notes: next.request.notes ?? request.notes ?? [],
          attachments: next.request.attachments ?? request.attachments ?? [],
        },
      })
      if (success) setFeedback({ origin, kind: 'success', message: success })
      return true
    } catch (caught) {
      const failure = failureOf(origin, caught)
      setFeedback(failure)
      // someone else changed it meanwhile: show what it is now, so the next try starts from there
      if (failure.kind === 'conflict') loaded.reload()
      return false
    } finally {
      setBusy(null)
    }
  }

  const feedbackAt = (origin: Origin): ReactNode =>
    feedback?.origin === origin ? <FeedbackBar feedback={feedback} /> : null

  const refresh = () => {
    setFeedback(null)
    loaded.reload()
  }

  const moveTo = (status: RequestStatus) =>
    void run('status', 'status', () => updateRequest(request.id, { status }, current.etag))

  const update = (action: DeskAction, change: RequestUpdate) =>
    run('desk', action, () => updateRequest(request.id, change, current.etag), t(DESK_SUCCESS[action]))

  const addNote = async (note: NoteInput) => {
    const ok = await run('notes', 'note', () => postNote(request.id, note, current.etag))
    if (ok) setNoteAdded(true)
    return ok
  }

  const upload = async (file: File, visibility: Visibility) => {
    const ok = await run('attachments', 'upload', () =>
      uploadAttachment(request.id, file, visibility, current.etag),
    )
    if (ok) setUploaded(file.name)
    return ok
  }

  // closing asks for confirmation (and an optional reason); reopening asks why
  const statusButtons =
    side === 'onlooker' ? null : (
      <StatusMoveButton
        key={closed ? 'reopen' : 'close'}
        action={closed ? 'reopen' : 'close'}
        requestId={request.id}
        busy={busy === 'status'}
        disabled={busy !== null}
        onMove={(reason) =>
          run('status', 'status', () =>
            moveWithReason(request.id, closed ? 'reopen' : 'close', reason, current.etag),
          )
        }
      />
    )

  return (
    <article
      data-testid="request-detail"
      data-request-id={request.id}
      data-status={request.status}
      data-version={request.version}
      data-side={side}
      data-waiting-on={request.waitingOn?.party ?? 'none'}
      data-loading={loaded.loading}
    >
      <PageHeader
        title={t('detail.heading', { id: request.id, title: request.title })}
        above={<RequestsBreadcrumb current={request.id} />}
        below={
          <div className={styles.badges}>
            <StatusBadge status={request.status} waitingOn={request.waitingOn} />
            <SeverityBadge severity={request.severity} />
            {request.sla && <SlaBadge sla={request.sla} />}
          </div>
        }
        actions={
          <>
            <Button
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              onClick={refresh}
              disabled={loaded.loading}
              data-testid="request-refresh"
            >
              {t('detail.refresh')}
            </Button>
            {statusButtons}
          </>
        }
      />

      <div className={styles.messages} aria-live="polite">
        {justCreated && !changed && (
          <MessageBar intent="success" data-testid="request-created">
            <MessageBarBody>{t('detail.createdMessage', { id: request.id })}</MessageBarBody>
          </MessageBar>
        )}
        {waitingOnViewer && (
          <MessageBar intent="warning" layout="multiline" data-testid="waiting-on-you">
            <MessageBarBody>
              <MessageBarTitle>{t('detail.waitingOnYou')}</MessageBarTitle>
              {t('detail.waitingOnYouBody')}
              {question && (
                <blockquote className={styles.question} data-testid="waiting-on-you-question">
                  <Text weight="semibold" block>
                    {t('detail.lastQuestion', { name: question.authorName })}
                  </Text>
                  <Text className={styles.questionText}>{question.text}</Text>
                </blockquote>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                icon={<ArrowReplyRegular />}
                onClick={() => document.getElementById(NOTE_TEXT_ID)?.focus()}
                data-testid="waiting-on-you-answer"
              >
                {t('detail.answer')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {waitingOnRequester && waiting && (
          <MessageBar
            intent="info"
            layout="multiline"
            data-testid="waiting-on-requester"
            data-waiting-on={waiting.name}
          >
            <MessageBarBody>
              <MessageBarTitle>{t('waitingOn.requesterTitle', { name: waiting.name })}</MessageBarTitle>
              {t('waitingOn.requesterBody', { name: waiting.name })}
            </MessageBarBody>
            <MessageBarActions>
              <Button disabled={busy !== null} onClick={() => moveTo('open')} data-testid="request-mark-open">
                {t('detail.markOpen')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {waitingOnOther && (
          <MessageBar
            intent="info"
            layout="multiline"
            data-testid="waiting-on-party"
            data-waiting-on={waitingOnOther.name}
          >
            <MessageBarBody>
              <MessageBarTitle>{t('waitingOn.otherTitle', { name: waitingOnOther.name })}</MessageBarTitle>
              {t('waitingOn.otherBody', { name: waitingOnOther.name })}
            </MessageBarBody>
          </MessageBar>
        )}
        {feedbackAt('status')}
      </div>

      <div className={styles.layout}>
        <div className={styles.main}>
          <RequestFacts request={request} />

          <section className={styles.section} aria-labelledby="description-title">
            <Subtitle1 as="h2" id="description-title" className={styles.sectionTitle}>
              {t('detail.description')}
            </Subtitle1>
            <Text as="p" className={styles.description} data-testid="request-description-text">
              {request.description}
            </Text>
          </section>

          <section
            className={styles.section}
            aria-labelledby="attachments-title"
            data-testid="attachments-section"
          >
            <Subtitle1 as="h2" id="attachments-title" className={styles.sectionTitle}>
              {t('detail.attachments.title')}
            </Subtitle1>
            <AttachmentsSection
              attachments={request.attachments ?? []}
              side={side}
              closed={closed}
              busy={busy === 'upload'}
              uploaded={uploaded}
              feedback={feedbackAt('attachments')}
              onUpload={upload}
            />
          </section>

          <section className={styles.section} aria-labelledby="notes-title" data-testid="notes-section">
            <Subtitle1 as="h2" id="notes-title" className={styles.sectionTitle}>
              {lifeT('timeline.title')}
            </Subtitle1>
            <NotesTimeline
              notes={request.notes ?? []}
              closed={closed}
              busy={busy === 'note'}
              added={noteAdded}
              side={side}
              waitingOnViewer={waitingOnViewer}
              waitingOnOther={waitingOnOther?.name ?? null}
              feedback={feedbackAt('notes')}
              onAdd={addNote}
              history={timeline.data ? <RequestTimeline entries={timeline.data.entries} /> : undefined}
            />
          </section>
        </div>

        <aside className={styles.aside} aria-label={t('detail.desk.title')}>
          {request.sla && <SlaClock sla={request.sla} />}
          <RequestLinks request={request} side={side} timeline={timeline.data} />
          <DeskPanel
            // a new version (saved here, or reloaded after someone else's change) starts the fields over
            key={`${request.id}-${request.version}`}
            request={request}
            side={side}
            viewer={viewer}
            engineers={engineers.data}
            busy={busy === 'assign' || busy === 'severity' || busy === 'reference' ? busy : null}
            feedback={feedbackAt('desk')}
            onUpdate={update}
          />
        </aside>
      </div>
    </article>
  )
}
