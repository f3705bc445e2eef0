import {
  Button,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiResource, type ApiResource } from '../../../../shared/api/use-api-resource.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import {
  PROBLEM_TYPES,
  createRequest,
  listSupportTopics,
  type Advice,
  type AdviceIncident,
  type Alternative,
  type HandledBy,
  type NewRequest,
  type ProblemType,
  type Severity,
  type Workload,
} from '../../api.ts'
import { refusalFromAdvice } from '../../refusal.ts'
import { usePortalsT } from '../../../workload-portals/t.ts'
import type { RequestViewer } from '../../viewer.ts'
import { ContextBanner } from '../ContextBanner.tsx'
import { useFormStyles } from '../form-styles.ts'
import { RefusalBox } from '../RefusalBox.tsx'
import { SeverityPicker } from '../SeverityPicker.tsx'
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
} from '../request-form.tsx'

const useStyles = makeStyles({
  form: { maxWidth: '820px' },
  value: {
    margin: 0,
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  topics: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
  },
  more: { alignSelf: 'flex-start' },
})

export interface RequestChoice {
  customerTenantId: string | undefined
  workload: Workload
  problemType: ProblemType
  productId: string | undefined
  handledBy: HandledBy | undefined
  /** R4: "File anyway, linked to it" — the active incident the request is linked to. */
  linkedIncident: AdviceIncident | null
}

/**
 * Step 3: the workload's form, in the context the policy chose (R3, R7, R9): who is acting for whom,
 * the support plan, severity with its first-response target (R14), the support topic (R9: less
 * common ones behind "More…"), and the contact details — the partner's, never the customer's.
 */
export function DetailsStep({
  viewer,
  choice,
  advice: latest,
  lastAllowed,
  adviceResource,
  subscriptions,
  onSubscription,
  onProblemType,
  onAlternative,
  onBack,
}: {
  viewer: RequestViewer
  choice: RequestChoice
  advice: Advice
  /** The last allowed advice for this choice: its plan and contact stay shown while a change is refused. */
  lastAllowed: Advice | undefined
  adviceResource: ApiResource<Advice | null>
  subscriptions: { id: string; name: string }[]
  onSubscription: (id: string) => void
  onProblemType: (problemType: ProblemType) => void
  onAlternative: (alternative: Alternative) => void
  onBack: () => void
}) {
  const { t, i18n } = useTranslation()
  const portalsT = usePortalsT()
  const styles = useStyles()
  const form = useFormStyles()
  const navigate = useNavigate()
  const advice = latest.allowed ? latest : (lastAllowed ?? latest)
  const topics = useApiResource((signal) => listSupportTopics(choice.workload, signal), [choice.workload])

  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [severity, setSeverity] = useState<Severity>('moderate')
  const [topicId, setTopicId] = useState('')
  const contact = useRequestContact(viewer)
  const submission = useSubmission(i18n.language)
  const { attempted } = submission

  const chosenTopic = (topics.data ?? []).find((topic) => topic.id === topicId)
  const invalid = title.trim() === '' || description.trim() === '' || topicMissing(topics.data, topicId)
  const blocked = !latest.allowed || adviceResource.loading || adviceResource.error !== null
  const azure = choice.workload === 'azure'

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body: NewRequest = {
      workload: choice.workload,
      title: title.trim(),
      description: description.trim(),
      severity,
      contact: contact.contact,
    }
    if (choice.customerTenantId) body.customerTenantId = choice.customerTenantId
    if (azure) body.problemType = choice.problemType
    if (advice.subscription) body.subscriptionId = advice.subscription.id
    if (choice.productId) body.productId = choice.productId
    if (chosenTopic) body.supportTopicId = chosenTopic.id
    if (choice.handledBy) body.handledBy = choice.handledBy
    if (advice.entitlementId) body.entitlementId = advice.entitlementId
    if (choice.linkedIncident) body.linkedIncidentId = choice.linkedIncident.id
    void submission.attempt(!invalid && !blocked, async () => {
      const created = await createRequest(body)
      void navigate(`/service-requests/${encodeURIComponent(created.id)}`, { state: { created: true } })
    })
  }

  const contactNote =
    advice.contact === 'partner'
      ? t('form.contactNotePartner', { partner: viewer.tenantName })
      : advice.handledBy === 'partner'
        ? t('form.contactNoteToPartner', { partner: advice.partners[0]?.name ?? '' })
        : t('form.contactNoteOwn')

  return (
    <form
      className={mergeClasses(form.form, styles.form)}
      onSubmit={submit}
      noValidate
      aria-labelledby="details-title"
      data-testid="wizard-step-details"
    >
      {latest.allowed ? (
        <ContextBanner advice={latest} viewer={viewer} />
      ) : (
        <RefusalBox refusal={refusalFromAdvice(latest)} onAlternative={onAlternative} />
      )}
      {adviceResource.error && <ErrorMessage error={adviceResource.error} onRetry={adviceResource.reload} />}
      {choice.linkedIncident && (
        <LinkedIncidentNote testId="details-linked-incident">
          {portalsT('incidents.willLink', {
            id: choice.linkedIncident.id,
            title: choice.linkedIncident.title,
          })}
        </LinkedIncidentNote>
      )}

      <section className={form.section} aria-labelledby="details-title">
        <Subtitle2 as="h2" id="details-title" tabIndex={-1} data-step-heading>
          {t('form.basicsTitle')}
        </Subtitle2>
        <dl className={form.summary} data-testid="details-summary">
          <div className={form.pair}>
            <dt className={form.term}>{t('form.workload')}</dt>
            <dd className={styles.value} data-testid="details-workload">
              {t(`requests.workload.${choice.workload}`)}
            </dd>
          </div>
          <div className={form.pair}>
            <dt className={form.term}>{t('form.supportPlan')}</dt>
            <dd className={styles.value}>
              <span data-testid="support-plan" data-kind={advice.supportPlanKind ?? ''}>
                {advice.supportPlan ?? t('common.none')}
              </span>
              <Caption1 className={form.secondary}>{t('form.supportPlanHint')}</Caption1>
            </dd>
          </div>
          {azure && subscriptions.length <= 1 && advice.subscription && (
            <div className={form.pair}>
              <dt className={form.term}>{t('form.subscription')}</dt>
              <dd
                className={styles.value}
                data-testid="subscription-value"
                data-subscription-id={advice.subscription?.id ?? ''}
              >
                {advice.subscription.name}
              </dd>
            </div>
          )}
        </dl>

        {azure && (
          <div className={form.row}>
            {subscriptions.length > 1 && (
              <Field label={t('form.subscription')} required>
                <Select
                  value={advice.subscription?.id ?? ''}
                  onChange={(_event, data) => onSubscription(data.value)}
                  data-testid="subscription-select"
                >
                  {subscriptions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Field label={t('form.problemType')} required>
              <Select
                value={choice.problemType}
                onChange={(_event, data) => onProblemType(data.value as ProblemType)}
                data-testid="problem-type-select"
              >
                {PROBLEM_TYPES.map((p) => (
                  <option key={p} value={p}>
                    {t(`requests.problemType.${p}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )}

        <TopicField
          topics={topics}
          value={topicId}
          onChange={setTopicId}
          label={t('form.topic')}
          showError={attempted}
          className={styles.topics}
          moreClassName={styles.more}
          moreLabel={() => t('form.topicMore')}
          fewerLabel={t('form.topicFewer')}
          testIds={{ group: 'topic-picker', option: 'topic-option', more: 'topic-more' }}
        />

        <TitleField value={title} onChange={setTitle} showError={attempted} testId="request-title" />
        <DescriptionField
          value={description}
          onChange={setDescription}
          showError={attempted}
          testId="request-description"
        />

        <Field label={t('form.severity')} required>
          <SeverityPicker
            value={severity}
            onChange={setSeverity}
            firstResponseMinutes={advice.firstResponseMinutes}
            withDefaults={false}
            testId="severity-picker"
          />
        </Field>
      </section>

      <RequestContactSection
        prefix=""
        viewer={viewer}
        note={contactNote}
        contact={contact}
        valueClassName={styles.value}
      />

      <SubmitActions
        submission={submission}
        blocked={blocked}
        invalid={invalid}
        label={t('form.submit')}
        busyLabel={t('form.submitting')}
        fixErrors={t('form.fixErrors')}
        testId="request-submit"
        refusalTestId="submit-refusal"
      >
        <Button onClick={onBack} disabled={submission.submitting} data-testid="wizard-back">
          {t('wizard.back')}
        </Button>
      </SubmitActions>
    </form>
  )
}
