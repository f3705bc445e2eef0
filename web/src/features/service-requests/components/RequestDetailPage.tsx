import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { ArrowClockwiseRegular, LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { addNote, changeStatus, getRequest, type Refusal, type VersionedRequest } from '../api.ts'
import { refusalFromError } from '../refusal.ts'
import { SeverityBadge, StatusBadge } from './Badges.tsx'
import { NotesTimeline } from './NotesTimeline.tsx'
import { RefusalBox } from './RefusalBox.tsx'
import { RequestFacts } from './RequestFacts.tsx'
import { RequestsBreadcrumb } from './NewRequestPage.tsx'

const useStyles = makeStyles({
  badges: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
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
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

type ActionError =
  { kind: 'refusal'; refusal: Refusal } | { kind: 'conflict' } | { kind: 'error'; error: ApiError }

function actionErrorOf(caught: unknown): ActionError {
  const refusal = refusalFromError(caught)
  if (refusal) return { kind: 'refusal', refusal }
  if (caught instanceof ApiError && caught.status === 412) return { kind: 'conflict' }
  return {
    kind: 'error',
    error: caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
  }
}

/** One request: its facts (context, rule, delegation), description, notes, and close / reopen. */
export function RequestDetailPage() {
  const { t, i18n } = useTranslation()
  const styles = useStyles()
  const { id = '' } = useParams()
  const location = useLocation()
  const justCreated = (location.state as { created?: boolean } | null)?.created === true
  const loaded = useApiResource((signal) => getRequest(id, signal), [id])
  // After a change the server's answer (with its new ETag) is what we show, until the next load.
  const [changed, setChanged] = useState<VersionedRequest | null>(null)
  const [busy, setBusy] = useState<'close' | 'reopen' | 'note' | null>(null)
  const [actionError, setActionError] = useState<ActionError | null>(null)
  const [noteAdded, setNoteAdded] = useState(false)

  useEffect(() => {
    setChanged(null)
  }, [loaded.data])
  // Server messages are in the language they were asked in; drop them rather than mix languages.
  useEffect(() => setActionError(null), [i18n.language])

  const current = changed ?? loaded.data
  const request = current?.request
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

  const run = async (kind: 'close' | 'reopen' | 'note', action: () => Promise<VersionedRequest>) => {
    setBusy(kind)
    setActionError(null)
    setNoteAdded(false)
    try {
      const next = await action()
      // close and reopen answer without the notes; keep the ones we have
      setChanged({
        etag: next.etag,
        request: { ...next.request, notes: next.request.notes ?? request.notes ?? [] },
      })
      if (kind === 'note') setNoteAdded(true)
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
    loaded.reload()
  }

  const closed = request.status === 'closed'
  const statusButton = closed ? (
    <Button
      icon={busy === 'reopen' ? <Spinner size="tiny" /> : <LockOpenRegular />}
      disabled={busy !== null}
      onClick={() => void run('reopen', () => changeStatus(request.id, 'reopen', current.etag))}
      data-testid="request-reopen"
    >
      {t('detail.reopen')}
    </Button>
  ) : (
    <Button
      icon={busy === 'close' ? <Spinner size="tiny" /> : <LockClosedRegular />}
      disabled={busy !== null}
      onClick={() => void run('close', () => changeStatus(request.id, 'close', current.etag))}
      data-testid="request-close"
    >
      {t('detail.close')}
    </Button>
  )

  return (
    <article
      data-testid="request-detail"
      data-request-id={request.id}
      data-status={request.status}
      data-version={request.version}
    >
      <PageHeader
        title={t('detail.heading', { id: request.id, title: request.title })}
        above={<RequestsBreadcrumb current={request.id} />}
        below={
          <div className={styles.badges}>
            <StatusBadge status={request.status} />
            <SeverityBadge severity={request.severity} />
          </div>
        }
        actions={
          <>
            <Button
              appearance="subtle"
              icon={<ArrowClockwiseRegular />}
              onClick={reload}
              disabled={loaded.loading}
              data-testid="request-refresh"
            >
              {t('detail.refresh')}
            </Button>
            {statusButton}
          </>
        }
      />

      <div className={styles.messages} aria-live="polite">
        {justCreated && !changed && (
          <MessageBar intent="success" data-testid="request-created">
            <MessageBarBody>{t('detail.createdMessage', { id: request.id })}</MessageBarBody>
          </MessageBar>
        )}
        {actionError?.kind === 'refusal' && (
          <RefusalBox refusal={actionError.refusal} testId="action-refusal" />
        )}
        {actionError?.kind === 'conflict' && (
          <MessageBar intent="warning" data-testid="action-conflict">
            <MessageBarBody>{t('detail.changedMeanwhile')}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={reload} data-testid="action-reload">
                {t('detail.reload')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {actionError?.kind === 'error' && (
          <div data-testid="action-error">
            <ErrorMessage error={actionError.error} />
          </div>
        )}
      </div>

      <RequestFacts request={request} />

      <section className={styles.section} aria-labelledby="description-title">
        <Subtitle1 as="h2" id="description-title" className={styles.sectionTitle}>
          {t('detail.description')}
        </Subtitle1>
        <Text as="p" className={styles.description} data-testid="request-description-text">
          {request.description}
        </Text>
      </section>

      <section className={styles.section} aria-labelledby="notes-title">
        <Subtitle1 as="h2" id="notes-title" className={styles.sectionTitle}>
          {t('detail.notes')}
        </Subtitle1>
        <NotesTimeline
          notes={request.notes ?? []}
          closed={closed}
          busy={busy === 'note'}
          added={noteAdded}
          onAdd={(text) => run('note', () => addNote(request.id, text, current.etag))}
        />
      </section>
    </article>
  )
}
