import {
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import {
  getAdvice,
  type Alternative,
  type HandledBy,
  type NewRequest,
  type ServiceRequest,
  type Severity,
} from '../../../service-requests/api.ts'
import { EscalationNote, useEscalationSource } from '../../../service-requests/components/EscalationNote.tsx'
import { AdvicePanel } from '../../../service-requests/components/AdvicePanel.tsx'
import { SeverityPicker } from '../../../service-requests/components/SeverityPicker.tsx'
import {
  DescriptionField,
  LinkedIncidentNote,
  RequestContactSection,
  SubmitActions,
  TitleField,
  TopicField,
  topicMissing,
  useRequestContact,
  useSubmission,
} from '../../../service-requests/components/request-form.tsx'
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
import { useFormStyles } from '../../../service-requests/components/form-styles.ts'
import { PortalFrame } from '../PortalFrame.tsx'

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
  // "Escalate to the vendor" (from the customer's request its partner works): filed linked to it
  const escalates = context.kind === 'delegated' ? params.get('escalates') : null
  const escalation = useEscalationSource(escalates)

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

      {escalates && <EscalationNote requestId={escalates} source={escalation.data} />}
      {workload && current?.allowed && (!escalates || escalation.data || escalation.error) && (
        <M365RequestForm
          key={`${workload}-${current.handledBy ?? ''}`}
          escalation={escalates && escalation.data ? escalation.data : null}
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
  escalation,
}: {
  /** The customer's request this one escalates: its title and description start the form. */
  escalation: ServiceRequest | null
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
  const [title, setTitle] = useState(escalation?.title ?? '')
  const [description, setDescription] = useState(escalation?.description ?? '')
  const [severity, setSeverity] = useState<Severity>('moderate')
  const contact = useRequestContact(viewer)
  const submission = useSubmission(uiLanguage)
  const { attempted } = submission

  const chosen = (topics.data ?? []).find((topic) => topic.id === topicId)
  const invalid = topicMissing(topics.data, topicId) || title.trim() === '' || description.trim() === ''

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body: Omit<NewRequest, 'customerTenantId'> = {
      workload,
      title: title.trim(),
      description: description.trim(),
      severity,
      contact: contact.contact,
    }
    if (chosen) body.supportTopicId = chosen.id
    if (handledBy) body.handledBy = handledBy
    if (linkedIncident) body.linkedIncidentId = linkedIncident.id
    if (escalation) body.escalationOf = escalation.id
    void submission.attempt(!invalid && !blocked, async () => {
      const created = await fileRequest(context.auth, body)
      onCreated(created.id)
    })
  }

  return (
    <form
      className={form.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="m365-category-title"
      data-testid="m365-form"
      data-workload={workload}
    >
      <section className={form.section} aria-labelledby="m365-category-title">
        <Subtitle2 as="h2" id="m365-category-title">
          {t('m365.form.categoryTitle')}
        </Subtitle2>
        <TopicField
          topics={topics}
          value={topicId}
          onChange={setTopicId}
          label={t('m365.form.category')}
          showError={attempted}
          className={styles.categories}
          moreClassName={styles.more}
          moreLabel={(hidden) => t('m365.form.more', { hidden })}
          fewerLabel={t('m365.form.fewer')}
          testIds={{ group: 'm365-categories', option: 'm365-category', more: 'm365-more' }}
        />
      </section>

      <section className={form.section} aria-labelledby="m365-details-title">
        <Subtitle2 as="h2" id="m365-details-title">
          {t('m365.form.detailsTitle')}
        </Subtitle2>
        {linkedIncident && (
          <LinkedIncidentNote testId="m365-linked-incident">
            {t('incidents.willLink', { id: linkedIncident.id, title: linkedIncident.title })}
          </LinkedIncidentNote>
        )}
        <TitleField value={title} onChange={setTitle} showError={attempted} testId="m365-title" />
        <DescriptionField
          value={description}
          onChange={setDescription}
          showError={attempted}
          testId="m365-description"
        />
        <Field label={tApp('form.severity')} required>
          <SeverityPicker
            value={severity}
            onChange={setSeverity}
            firstResponseMinutes={firstResponseMinutes}
            testId="m365-severity"
          />
        </Field>
      </section>

      <RequestContactSection
        prefix="m365-"
        viewer={viewer}
        note={contactNote}
        contact={contact}
        valueClassName={styles.value}
      />

      <SubmitActions
        submission={submission}
        blocked={blocked}
        invalid={invalid}
        label={tApp('form.submit')}
        busyLabel={tApp('form.submitting')}
        fixErrors={tApp('form.fixErrors')}
        testId="m365-submit"
        refusalTestId="m365-submit-refusal"
      />
    </form>
  )
}
