import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { InfoRegular, LinkRegular } from '@fluentui/react-icons'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../../../../shared/api/client.ts'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { currentLanguage, type Language } from '../../../../shared/i18n/i18n.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import {
  getAdvice,
  type Alternative,
  type HandledBy,
  type NewRequest,
  type Refusal,
  type Severity,
} from '../../../service-requests/api.ts'
import { AdvicePanel } from '../../../service-requests/components/AdvicePanel.tsx'
import { RefusalBox } from '../../../service-requests/components/RefusalBox.tsx'
import { refusalFromError } from '../../../service-requests/refusal.ts'
import {
  M365_WORKLOADS,
  fileRequest,
  isM365Workload,
  listTopics,
  type M365Workload,
} from '../../api/portal.ts'
import { tenantQuery, usePortalContext, type PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { useFormStyles } from '../form-styles.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { SeverityPicker } from '../SeverityPicker.tsx'

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 880px)',
    gap: tokens.spacingVerticalL,
  },
  workloads: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  tile: {
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingRight: tokens.spacingHorizontalM,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  tileSelected: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  categories: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
  },
  more: { alignSelf: 'flex-start' },
  note: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, marginTop: '2px' },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
})

/**
 * Microsoft 365 admin center → Support → New service request (R9): the workload, the policy's answer
 * first (R4 incidents, R9 verification, R10 for a customer's own administrators), then a support
 * category — the less common ones behind "More…" — and the form, with the partner's contact details.
 */
export function M365NewRequestPage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('m365.new.title'))
  const state = usePortalContext(viewer, 'urn:tramite:api', { ownToken: false })
  return (
    <PortalFrame portal="m365" state={state} viewer={viewer} tab="new">
      {(context) => <M365NewRequest key={context.tenantId} context={context} viewer={viewer} />}
    </PortalFrame>
  )
}

function M365NewRequest({ context, viewer }: { context: PortalContext; viewer: PortalViewer }) {
  const t = usePortalsT()
  const { t: tApp, i18n } = useTranslation()
  const styles = useStyles()
  const form = useFormStyles()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const given = params.get('workload')
  // Chosen here at once (the URL follows, so a reload or a shared link comes back to it).
  const [workload, setWorkload] = useState<M365Workload | null>(isM365Workload(given) ? given : null)
  const [handledBy, setHandledBy] = useState<HandledBy | undefined>()
  const [linkedIncidentId, setLinkedIncidentId] = useState<string | null>(params.get('incident'))

  const chooseWorkload = (next: M365Workload) => {
    setWorkload(next)
    const query = new URLSearchParams(params)
    query.set('workload', next)
    query.delete('incident')
    setParams(query, { replace: true })
    setHandledBy(undefined)
    setLinkedIncidentId(null)
  }

  const advice = useApiResource(
    (signal) =>
      workload
        ? getAdvice(
            {
              customer: context.kind === 'delegated' ? context.tenantId : undefined,
              workload,
              handledBy,
            },
            signal,
          )
        : Promise.resolve(null),
    [context.kind, context.tenantId, workload, handledBy],
  )
  const current = advice.data && advice.data.workload === workload ? advice.data : undefined

  // R10: a customer's own administrator may be offered the partner as well as (or instead of) the vendor.
  const partnerRoute = current?.alternatives.find((a) => a.handledBy === 'partner')
  const partnerName = current?.partners[0]?.name ?? ''
  // With trial subscriptions only the partner can help: then there is no choice to offer.
  const [vendorAllowed, setVendorAllowed] = useState<{ workload: string; allowed: boolean } | null>(null)
  if (
    current &&
    (handledBy ?? 'vendor') === 'vendor' &&
    (vendorAllowed?.workload !== current.workload || vendorAllowed.allowed !== current.allowed)
  ) {
    setVendorAllowed({ workload: current.workload, allowed: current.allowed })
  }
  const vendorPossible = vendorAllowed?.workload === workload && vendorAllowed.allowed
  const offerHandler =
    viewer.tenantKind === 'customer' &&
    current &&
    vendorPossible &&
    (partnerRoute || handledBy === 'partner') &&
    partnerName
  const takeAlternative = (alternative: Alternative) => {
    if (alternative.handledBy) setHandledBy(alternative.handledBy)
  }

  return (
    <div
      className={styles.layout}
      data-testid="m365-support"
      data-context={context.kind}
      data-tenant-id={context.tenantId}
    >
      <PageHeader title={t('m365.new.title')} description={t('m365.new.intro')} />

      <Field label={t('m365.new.workload')} required>
        <RadioGroup
          className={styles.workloads}
          layout="horizontal"
          value={workload ?? ''}
          onChange={(_event, data) => chooseWorkload(data.value as M365Workload)}
          data-testid="m365-workload"
        >
          {M365_WORKLOADS.map((w) => (
            <Radio
              key={w}
              value={w}
              className={mergeClasses(styles.tile, workload === w && styles.tileSelected)}
              label={tApp(`requests.workload.${w}`)}
              data-testid="m365-workload-option"
              data-workload={w}
            />
          ))}
        </RadioGroup>
      </Field>

      {!workload && (
        <Text className={form.secondary} data-testid="m365-pick-workload">
          {t('m365.new.pickWorkload')}
        </Text>
      )}

      {workload && (
        <section aria-label={tApp('advice.title')}>
          <AdvicePanel
            advice={current}
            loading={advice.loading}
            error={advice.error}
            onRetry={advice.reload}
            onAlternative={takeAlternative}
            linkedIncidentId={linkedIncidentId}
            onLinkIncident={setLinkedIncidentId}
          />
        </section>
      )}

      {offerHandler && (
        <RadioGroup
          value={handledBy ?? 'vendor'}
          onChange={(_event, data) => setHandledBy(data.value as HandledBy)}
          aria-label={tApp('wizard.handledBy.label')}
          data-testid="m365-handled-by"
        >
          <Text weight="semibold">{tApp('wizard.handledBy.label')}</Text>
          <Radio value="vendor" data-handled-by="vendor" label={tApp('wizard.handledBy.vendor')} />
          <Radio
            value="partner"
            data-handled-by="partner"
            label={tApp('wizard.handledBy.partner', { partner: partnerName })}
          />
        </RadioGroup>
      )}

      {workload && current?.allowed && (
        <M365RequestForm
          key={`${workload}-${current.handledBy ?? ''}`}
          context={context}
          viewer={viewer}
          workload={workload}
          handledBy={handledBy}
          contactNote={
            current.contact === 'partner'
              ? t('m365.form.notePartner', { partner: viewer.tenantName, customer: context.tenantName })
              : current.handledBy === 'partner'
                ? tApp('form.contactNoteToPartner', { partner: partnerName })
                : tApp('form.contactNoteOwn')
          }
          firstResponseMinutes={current.firstResponseMinutes}
          linkedIncident={current.incidents.find((i) => i.id === linkedIncidentId) ?? null}
          blocked={advice.loading || advice.error !== null}
          language={i18n.language}
          onCreated={(id) =>
            // Back to "View all support tickets" in the same context, as the admin center does.
            void navigate(`/admin-center/support/requests${tenantQuery(context)}`, {
              state: { created: id },
            })
          }
        />
      )}
    </div>
  )
}

function M365RequestForm({
  context,
  viewer,
  workload,
  handledBy,
  contactNote,
  firstResponseMinutes,
  linkedIncident,
  blocked,
  language: uiLanguage,
  onCreated,
}: {
  context: PortalContext
  viewer: PortalViewer
  workload: M365Workload
  handledBy: HandledBy | undefined
  contactNote: string
  firstResponseMinutes: Record<Severity, number> | null
  linkedIncident: { id: string; title: string } | null
  blocked: boolean
  language: string
  onCreated: (requestId: string) => void
}) {
  const t = usePortalsT()
  const { t: tApp } = useTranslation()
  const styles = useStyles()
  const form = useFormStyles()
  const topics = useApiResource(
    (signal) => listTopics(context.auth, workload, signal),
    [context.auth.token, workload],
  )
  const [topicId, setTopicId] = useState('')
  const [showAll, setShowAll] = useState(false)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [severity, setSeverity] = useState<Severity>('moderate')
  const [phone, setPhone] = useState(viewer.phone ?? '')
  const [language, setLanguage] = useState<Language>(currentLanguage())
  const [attempted, setAttempted] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const [submitRefusal, setSubmitRefusal] = useState<Refusal | null>(null)

  useEffect(() => {
    setSubmitError(null)
    setSubmitRefusal(null)
  }, [uiLanguage])

  const all = topics.data ?? []
  const chosen = all.find((topic) => topic.id === topicId)
  const visible = all.filter((topic) => topic.common || showAll || topic.id === chosen?.id)
  const hidden = all.filter((topic) => !topic.common).length
  const missing = {
    topic: all.length > 0 && !chosen,
    title: title.trim() === '',
    description: description.trim() === '',
  }
  const invalid = Object.values(missing).some(Boolean)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    if (invalid || blocked) return
    setSubmitting(true)
    setSubmitError(null)
    setSubmitRefusal(null)
    const body: Omit<NewRequest, 'customerTenantId'> = {
      workload,
      title: title.trim(),
      description: description.trim(),
      severity,
      contact: { preferredLanguage: language, ...(phone.trim() ? { phone: phone.trim() } : {}) },
    }
    if (chosen) body.supportTopicId = chosen.id
    if (handledBy) body.handledBy = handledBy
    if (linkedIncident) body.linkedIncidentId = linkedIncident.id
    try {
      const created = await fileRequest(context.auth, body)
      onCreated(created.id)
    } catch (caught) {
      setSubmitting(false)
      const refusal = refusalFromError(caught)
      if (refusal) setSubmitRefusal(refusal)
      else
        setSubmitError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)))
    }
  }

  return (
    <form
      className={form.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="m365-category-title"
      data-testid="m365-form"
      data-workload={workload}
    >
      <section className={form.section} aria-labelledby="m365-category-title">
        <Subtitle2 as="h2" id="m365-category-title">
          {t('m365.form.categoryTitle')}
        </Subtitle2>
        <Field
          label={t('m365.form.category')}
          required={all.length > 0}
          validationMessage={attempted && missing.topic ? tApp('form.topicRequired') : undefined}
        >
          {topics.error ? (
            <ErrorMessage error={topics.error} onRetry={topics.reload} />
          ) : !topics.data ? (
            <Spinner size="tiny" />
          ) : (
            <RadioGroup
              className={styles.categories}
              value={topicId}
              onChange={(_event, data) => setTopicId(data.value)}
              data-testid="m365-categories"
            >
              {visible.map((topic) => (
                <Radio
                  key={topic.id}
                  value={topic.id}
                  label={topic.name}
                  data-testid="m365-category"
                  data-topic-id={topic.id}
                  data-common={topic.common}
                />
              ))}
            </RadioGroup>
          )}
        </Field>
        {hidden > 0 && (
          <Link
            as="button"
            type="button"
            className={styles.more}
            onClick={() => setShowAll((shown) => !shown)}
            aria-expanded={showAll}
            data-testid="m365-more"
          >
            {showAll ? t('m365.form.fewer') : t('m365.form.more', { hidden })}
          </Link>
        )}
      </section>

      <section className={form.section} aria-labelledby="m365-details-title">
        <Subtitle2 as="h2" id="m365-details-title">
          {t('m365.form.detailsTitle')}
        </Subtitle2>
        {linkedIncident && (
          <Text className={styles.note} data-testid="m365-linked-incident">
            <LinkRegular className={styles.noteIcon} aria-hidden />
            {t('incidents.willLink', { id: linkedIncident.id, title: linkedIncident.title })}
          </Text>
        )}
        <Field
          label={tApp('form.title')}
          required
          validationMessage={attempted && missing.title ? tApp('form.titleRequired') : undefined}
        >
          <Input
            value={title}
            maxLength={200}
            onChange={(_event, data) => setTitle(data.value)}
            placeholder={tApp('form.titlePlaceholder')}
            data-testid="m365-title"
          />
        </Field>
        <Field
          label={tApp('form.description')}
          required
          hint={tApp('form.descriptionHint')}
          validationMessage={attempted && missing.description ? tApp('form.descriptionRequired') : undefined}
        >
          <Textarea
            value={description}
            rows={6}
            resize="vertical"
            maxLength={20000}
            onChange={(_event, data) => setDescription(data.value)}
            data-testid="m365-description"
          />
        </Field>
        <Field label={tApp('form.severity')} required>
          <SeverityPicker
            value={severity}
            onChange={setSeverity}
            firstResponseMinutes={firstResponseMinutes}
            testId="m365-severity"
          />
        </Field>
      </section>

      <section className={form.section} aria-labelledby="m365-contact-title">
        <Subtitle2 as="h2" id="m365-contact-title">
          {tApp('form.contactTitle')}
        </Subtitle2>
        <Text className={styles.note} data-testid="m365-contact-note">
          <InfoRegular className={styles.noteIcon} aria-hidden />
          {contactNote}
        </Text>
        <dl className={styles.summary}>
          <div className={styles.pair}>
            <dt className={styles.term}>{tApp('form.contactName')}</dt>
            <dd className={styles.value} data-testid="m365-contact-name">
              {viewer.name} <span className={form.secondary}>({viewer.tenantName})</span>
            </dd>
          </div>
          <div className={styles.pair}>
            <dt className={styles.term}>{tApp('form.contactEmail')}</dt>
            <dd className={styles.value} data-testid="m365-contact-email">
              {viewer.email}
            </dd>
          </div>
        </dl>
        <div className={form.row}>
          <Field
            label={tApp('form.contactPhone')}
            hint={viewer.phone ? undefined : tApp('form.contactPhoneHint')}
          >
            <Input
              value={phone}
              type="tel"
              maxLength={40}
              autoComplete="tel"
              onChange={(_event, data) => setPhone(data.value)}
              data-testid="m365-contact-phone"
            />
          </Field>
          <Field label={tApp('form.preferredLanguage')}>
            <Select
              value={language}
              onChange={(_event, data) => setLanguage(data.value as Language)}
              data-testid="m365-contact-language"
            >
              <option value="it">{tApp('language.it')}</option>
              <option value="en">{tApp('language.en')}</option>
            </Select>
          </Field>
        </div>
      </section>

      {submitRefusal && <RefusalBox refusal={submitRefusal} testId="m365-submit-refusal" />}
      {submitError && <ErrorMessage error={submitError} />}

      <div className={form.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={submitting || blocked}
          icon={submitting ? <Spinner size="tiny" /> : undefined}
          data-testid="m365-submit"
        >
          {submitting ? tApp('form.submitting') : tApp('form.submit')}
        </Button>
        {attempted && invalid && (
          <Caption1 className={form.secondary} role="alert">
            {tApp('form.fixErrors')}
          </Caption1>
        )}
      </div>
    </form>
  )
}
