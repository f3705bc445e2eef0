import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { SendRegular } from '@fluentui/react-icons'
import { useEffect, useState, type FormEvent } from 'react'
import { ApiError } from '../../../shared/api/client.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import {
  INCIDENT_STATUSES,
  POST_TYPES,
  updateIncident,
  type HealthStatus,
  type Incident,
  type IncidentChange,
  type IncidentDetail,
  type PostType,
} from '../api.ts'
import { useHealthTranslation } from '../translation.ts'
import { HighImpactSwitch, LongTextField, StatusField, SubmitRow, TitleField } from './IncidentFormFields.tsx'
import { AffectedTenantsField, type TenantChoice } from './Pickers.tsx'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  narrow: { minWidth: '260px' },
})

type Failure = { kind: 'conflict' } | { kind: 'error'; error: ApiError } | { kind: 'nothing' }

/** The version of the incident the engineer's draft is based on (sent as If-Match). */
interface Base {
  etag: string
  status: HealthStatus
  title: string
  impactDescription: string
  highImpact: boolean
}

const baseOf = (incident: Incident, etag: string): Base => ({
  etag,
  status: incident.status,
  title: incident.title,
  impactDescription: incident.impactDescription,
  highImpact: incident.highImpact,
})

/**
 * The engineer's update: a new status, a post, changed texts or affected tenants — sent with
 * If-Match so two engineers never overwrite each other. When the incident changes meanwhile (live,
 * or a 412), the draft stays and the engineer rebases it on the new version with "Reload".
 */
export function IncidentUpdateForm({
  incident,
  etag,
  onUpdated,
}: {
  incident: IncidentDetail
  etag: string
  onUpdated: () => void
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const [base, setBase] = useState<Base>(() => baseOf(incident, etag))
  const [status, setStatus] = useState<HealthStatus>(incident.status)
  const [message, setMessage] = useState('')
  const [postType, setPostType] = useState<PostType>('regular')
  const [title, setTitle] = useState(incident.title)
  const [impact, setImpact] = useState(incident.impactDescription)
  const [highImpact, setHighImpact] = useState(incident.highImpact)
  const [keepTenants, setKeepTenants] = useState(true)
  const [allTenants, setAllTenants] = useState(incident.allTenants)
  const [chosen, setChosen] = useState<TenantChoice[]>(
    incident.affectedTenants === 'all' ? [] : incident.affectedTenants,
  )
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [submitted, setSubmitted] = useState(false)
  const [rebaseOnArrival, setRebaseOnArrival] = useState(false)
  // The version this engineer's last update replaced: until the page reloads the incident it is
  // still the one shown, and that is not someone else's change.
  const [replaced, setReplaced] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  /** Starts the draft over from `next` (the message stays unless it was just published). */
  const rebase = (next: Base, keepMessage: boolean) => {
    setBase(next)
    setStatus(next.status)
    setTitle(next.title)
    setImpact(next.impactDescription)
    setHighImpact(next.highImpact)
    setKeepTenants(true)
    if (!keepMessage) setMessage('')
    setFailure(null)
    setSubmitted(false)
  }

  // After "Reload" on a 412 the fresh incident arrives a moment later.
  useEffect(() => {
    if (rebaseOnArrival && etag !== base.etag) {
      setRebaseOnArrival(false)
      rebase(baseOf(incident, etag), true)
    }
    // only a new version (or the request for one) starts the rebase
  }, [etag, rebaseOnArrival])

  const stale = etag !== base.etag && etag !== replaced
  const statuses: readonly HealthStatus[] = (INCIDENT_STATUSES as readonly HealthStatus[]).includes(
    base.status,
  )
    ? INCIDENT_STATUSES
    : [base.status, ...INCIDENT_STATUSES]
  const titleEmpty = title.trim() === ''
  const impactEmpty = impact.trim() === ''
  const tenantsMissing = !keepTenants && !allTenants && chosen.length === 0

  const change = (): IncidentChange => {
    const changed = {
      ...(status !== base.status ? { status } : {}),
      ...(message.trim() ? { message: message.trim(), postType } : {}),
      ...(title.trim() !== base.title ? { title: title.trim() } : {}),
      ...(impact.trim() !== base.impactDescription ? { impactDescription: impact.trim() } : {}),
      ...(highImpact !== base.highImpact ? { highImpact } : {}),
    }
    if (keepTenants) return changed
    return allTenants
      ? { ...changed, allTenants: true }
      : { ...changed, tenantIds: chosen.map((c) => c.tenantId) }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (titleEmpty || impactEmpty || tenantsMissing || busy) return
    const body = change()
    if (Object.keys(body).length === 0) {
      setFailure({ kind: 'nothing' })
      return
    }
    setBusy(true)
    setFailure(null)
    setDone(false)
    try {
      const updated = await updateIncident(incident.id, base.etag, body)
      setReplaced(base.etag)
      rebase(baseOf(updated, `"${updated.id}-${updated.version}"`), false)
      setDone(true)
      onUpdated()
    } catch (caught) {
      setFailure(
        caught instanceof ApiError && caught.status === 412
          ? { kind: 'conflict' }
          : {
              kind: 'error',
              error: caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
            },
      )
    } finally {
      setBusy(false)
    }
  }

  const reload = () => {
    if (stale) {
      rebase(baseOf(incident, etag), true)
    } else {
      setRebaseOnArrival(true)
      onUpdated()
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="health-update-form"
    >
      <div className={styles.row}>
        <StatusField
          statuses={statuses}
          value={status}
          onChange={setStatus}
          className={styles.narrow}
          hint={t('update.statusHint')}
          testId="health-update-status"
        />
        <Field label={t('form.postType')}>
          <RadioGroup
            layout="horizontal"
            value={postType}
            onChange={(_event, data) => setPostType(data.value as PostType)}
            data-testid="health-update-post-type"
          >
            {POST_TYPES.map((p) => (
              <Radio key={p} value={p} label={t(`postType.${p}`)} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      <LongTextField
        kind="message"
        label={t('update.message')}
        hint={t('update.messageHint')}
        value={message}
        onChange={setMessage}
        testId="health-update-message"
      />
      <TitleField
        value={title}
        onChange={setTitle}
        validationMessage={submitted && titleEmpty ? t('form.required') : undefined}
        testId="health-update-title"
      />
      <LongTextField
        kind="impact"
        label={t('form.impact')}
        value={impact}
        onChange={setImpact}
        validationMessage={submitted && impactEmpty ? t('form.required') : undefined}
        testId="health-update-impact"
      />
      <HighImpactSwitch value={highImpact} onChange={setHighImpact} testId="health-update-high-impact" />
      <AffectedTenantsField
        allowKeep
        keep={keepTenants}
        onKeepChange={(keep) => {
          // leaving "as they are": start from the tenants the incident affects now
          if (!keep && keepTenants) {
            setAllTenants(incident.allTenants)
            setChosen(incident.affectedTenants === 'all' ? [] : incident.affectedTenants)
          }
          setKeepTenants(keep)
        }}
        all={allTenants}
        onAllChange={setAllTenants}
        chosen={chosen}
        onChosenChange={setChosen}
        validationMessage={submitted && tenantsMissing ? t('form.tenantsRequired') : undefined}
      />

      {(stale || failure?.kind === 'conflict') && (
        <MessageBar intent="warning" data-testid="health-update-conflict" data-stale={stale}>
          <MessageBarBody>{t('update.conflict')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={reload} data-testid="health-update-reload">
              {t('update.reload')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure?.kind === 'nothing' && (
        <MessageBar intent="info" data-testid="health-update-nothing">
          <MessageBarBody>{t('update.nothing')}</MessageBarBody>
        </MessageBar>
      )}
      {failure?.kind === 'error' && <ErrorMessage error={failure.error} />}
      {done && !failure && !stale && (
        <MessageBar intent="success" data-testid="health-update-done">
          <MessageBarBody>{t('update.done')}</MessageBarBody>
        </MessageBar>
      )}
      <SubmitRow
        busy={busy}
        icon={<SendRegular />}
        label={t('update.submit')}
        testId="health-update-submit"
      />
    </form>
  )
}
