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
  tokens,
} from '@fluentui/react-components'
import { InfoRegular, LinkRegular } from '@fluentui/react-icons'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../../../shared/api/client.ts'
import { useApiResource, type ApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useFormat } from '../../../../shared/i18n/format.ts'
import { currentLanguage, type Language } from '../../../../shared/i18n/i18n.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import {
  PROBLEM_TYPES,
  SEVERITIES,
  createRequest,
  listSupportTopics,
  type Advice,
  type AdviceIncident,
  type Alternative,
  type HandledBy,
  type NewRequest,
  type ProblemType,
  type Refusal,
  type Severity,
  type Workload,
} from '../../api.ts'
import { refusalFromAdvice, refusalFromError } from '../../refusal.ts'
import { usePortalsT } from '../../../workload-portals/t.ts'
import type { RequestViewer } from '../../viewer.ts'
import { ContextBanner } from '../ContextBanner.tsx'
import { RefusalBox } from '../RefusalBox.tsx'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '820px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
    alignItems: 'start',
    '@media (max-width: 700px)': { gridTemplateColumns: '1fr' },
    gap: tokens.spacingHorizontalL,
  },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
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
  severity: { display: 'flex', flexDirection: 'column' },
  severityLabel: { display: 'flex', flexDirection: 'column' },
  secondary: { color: tokens.colorNeutralForeground3 },
  note: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, marginTop: '2px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
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
  const format = useFormat()
  const styles = useStyles()
  const navigate = useNavigate()
  const advice = latest.allowed ? latest : (lastAllowed ?? latest)
  const topics = useApiResource((signal) => listSupportTopics(choice.workload, signal), [choice.workload])

  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [severity, setSeverity] = useState<Severity>('moderate')
  const [topicId, setTopicId] = useState('')
  const [showAllTopics, setShowAllTopics] = useState(false)
  const [phone, setPhone] = useState(viewer.phone ?? '')
  const [language, setLanguage] = useState<Language>(currentLanguage())
  const [attempted, setAttempted] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const [submitRefusal, setSubmitRefusal] = useState<Refusal | null>(null)

  // Server messages are in the language they were asked in; drop them rather than mix languages.
  useEffect(() => {
    setSubmitError(null)
    setSubmitRefusal(null)
  }, [i18n.language])

  const allTopics = topics.data ?? []
  const chosenTopic = allTopics.find((topic) => topic.id === topicId)
  const visibleTopics = allTopics.filter(
    (topic) => topic.common || showAllTopics || topic.id === chosenTopic?.id,
  )
  const hiddenTopics = allTopics.filter((topic) => !topic.common).length

  const missing = {
    title: title.trim() === '',
    description: description.trim() === '',
    topic: allTopics.length > 0 && !chosenTopic,
  }
  const invalid = missing.title || missing.description || missing.topic
  const blocked = !latest.allowed || adviceResource.loading || adviceResource.error !== null
  const azure = choice.workload === 'azure'

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    if (invalid || blocked) return
    setSubmitting(true)
    setSubmitError(null)
    setSubmitRefusal(null)
    const body: NewRequest = {
      workload: choice.workload,
      title: title.trim(),
      description: description.trim(),
      severity,
      contact: { preferredLanguage: language, ...(phone.trim() ? { phone: phone.trim() } : {}) },
    }
    if (choice.customerTenantId) body.customerTenantId = choice.customerTenantId
    if (azure) body.problemType = choice.problemType
    if (advice.subscription) body.subscriptionId = advice.subscription.id
    if (choice.productId) body.productId = choice.productId
    if (chosenTopic) body.supportTopicId = chosenTopic.id
    if (choice.handledBy) body.handledBy = choice.handledBy
    if (advice.entitlementId) body.entitlementId = advice.entitlementId
    if (choice.linkedIncident) body.linkedIncidentId = choice.linkedIncident.id
    try {
      const created = await createRequest(body)
      void navigate(`/service-requests/${encodeURIComponent(created.id)}`, { state: { created: true } })
    } catch (caught) {
      setSubmitting(false)
      const refusal = refusalFromError(caught)
      if (refusal) setSubmitRefusal(refusal)
      else
        setSubmitError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)))
    }
  }

  const targets = advice.firstResponseMinutes
  const contactNote =
    advice.contact === 'partner'
      ? t('form.contactNotePartner', { partner: viewer.tenantName })
      : advice.handledBy === 'partner'
        ? t('form.contactNoteToPartner', { partner: advice.partners[0]?.name ?? '' })
        : t('form.contactNoteOwn')

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
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
        <Text className={styles.note} data-testid="details-linked-incident">
          <LinkRegular className={styles.noteIcon} aria-hidden />
          {portalsT('incidents.willLink', {
            id: choice.linkedIncident.id,
            title: choice.linkedIncident.title,
          })}
        </Text>
      )}

      <section className={styles.section} aria-labelledby="details-title">
        <Subtitle2 as="h2" id="details-title">
          {t('form.basicsTitle')}
        </Subtitle2>
        <dl className={styles.summary} data-testid="details-summary">
          <div className={styles.pair}>
            <dt className={styles.term}>{t('form.workload')}</dt>
            <dd className={styles.value} data-testid="details-workload">
              {t(`requests.workload.${choice.workload}`)}
            </dd>
          </div>
          <div className={styles.pair}>
            <dt className={styles.term}>{t('form.supportPlan')}</dt>
            <dd className={styles.value}>
              <span data-testid="support-plan" data-kind={advice.supportPlanKind ?? ''}>
                {advice.supportPlan ?? t('common.none')}
              </span>
              <Caption1 className={styles.secondary}>{t('form.supportPlanHint')}</Caption1>
            </dd>
          </div>
          {azure && subscriptions.length <= 1 && advice.subscription && (
            <div className={styles.pair}>
              <dt className={styles.term}>{t('form.subscription')}</dt>
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
          <div className={styles.row}>
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

        <Field
          label={t('form.topic')}
          required={allTopics.length > 0}
          validationMessage={attempted && missing.topic ? t('form.topicRequired') : undefined}
        >
          {topics.error ? (
            <ErrorMessage error={topics.error} onRetry={topics.reload} />
          ) : !topics.data ? (
            <Spinner size="tiny" />
          ) : (
            <RadioGroup
              className={styles.topics}
              value={topicId}
              onChange={(_event, data) => setTopicId(data.value)}
              data-testid="topic-picker"
            >
              {visibleTopics.map((topic) => (
                <Radio
                  key={topic.id}
                  value={topic.id}
                  label={topic.name}
                  data-testid="topic-option"
                  data-topic-id={topic.id}
                  data-common={topic.common}
                />
              ))}
            </RadioGroup>
          )}
        </Field>
        {hiddenTopics > 0 && (
          <Link
            as="button"
            type="button"
            className={styles.more}
            onClick={() => setShowAllTopics((shown) => !shown)}
            aria-expanded={showAllTopics}
            data-testid="topic-more"
          >
            {showAllTopics ? t('form.topicFewer') : t('form.topicMore')}
          </Link>
        )}

        <Field
          label={t('form.title')}
          required
          validationMessage={attempted && missing.title ? t('form.titleRequired') : undefined}
        >
          <Input
            value={title}
            maxLength={200}
            onChange={(_event, data) => setTitle(data.value)}
            placeholder={t('form.titlePlaceholder')}
            data-testid="request-title"
          />
        </Field>
        <Field
          label={t('form.description')}
          required
          hint={t('form.descriptionHint')}
          validationMessage={attempted && missing.description ? t('form.descriptionRequired') : undefined}
        >
          <Textarea
            value={description}
            rows={6}
            resize="vertical"
            maxLength={20000}
            onChange={(_event, data) => setDescription(data.value)}
            data-testid="request-description"
          />
        </Field>

        <Field label={t('form.severity')} required>
          <RadioGroup
            className={styles.severity}
            value={severity}
            onChange={(_event, data) => setSeverity(data.value as Severity)}
            data-testid="severity-picker"
          >
            {SEVERITIES.map((s) => (
              <Radio
                key={s}
                value={s}
                data-testid="severity-option"
                data-severity={s}
                label={
                  <span className={styles.severityLabel}>
                    <Text>
                      {t(`requests.severity.${s}`)}
                      {targets && (
                        <Text className={styles.secondary} data-testid="severity-first-response">
                          {' — '}
                          {t('requests.firstResponse', { duration: format.minutes(targets[s]) })}
                        </Text>
                      )}
                    </Text>
                    <Caption1 className={styles.secondary}>{t(`form.severityHint.${s}`)}</Caption1>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="contact-title">
        <Subtitle2 as="h2" id="contact-title">
          {t('form.contactTitle')}
        </Subtitle2>
        <Text className={styles.note} data-testid="contact-note">
          <InfoRegular className={styles.noteIcon} aria-hidden />
          {contactNote}
        </Text>
        <dl className={styles.summary}>
          <div className={styles.pair}>
            <dt className={styles.term}>{t('form.contactName')}</dt>
            <dd className={styles.value} data-testid="contact-name">
              {viewer.name} <span className={styles.secondary}>({viewer.tenantName})</span>
            </dd>
          </div>
          <div className={styles.pair}>
            <dt className={styles.term}>{t('form.contactEmail')}</dt>
            <dd className={styles.value} data-testid="contact-email">
              {viewer.email}
            </dd>
          </div>
        </dl>
        <div className={styles.row}>
          <Field label={t('form.contactPhone')} hint={viewer.phone ? undefined : t('form.contactPhoneHint')}>
            <Input
              value={phone}
              type="tel"
              maxLength={40}
              autoComplete="tel"
              onChange={(_event, data) => setPhone(data.value)}
              data-testid="contact-phone"
            />
          </Field>
          <Field label={t('form.preferredLanguage')}>
            <Select
              value={language}
              onChange={(_event, data) => setLanguage(data.value as Language)}
              data-testid="contact-language"
            >
              <option value="it">{t('language.it')}</option>
              <option value="en">{t('language.en')}</option>
            </Select>
          </Field>
        </div>
      </section>

      {submitRefusal && <RefusalBox refusal={submitRefusal} testId="submit-refusal" />}
      {submitError && <ErrorMessage error={submitError} />}

      <div className={styles.actions}>
        <Button onClick={onBack} disabled={submitting} data-testid="wizard-back">
          {t('wizard.back')}
        </Button>
        <Button
          type="submit"
          appearance="primary"
          disabled={submitting || blocked}
          icon={submitting ? <Spinner size="tiny" /> : undefined}
          data-testid="request-submit"
        >
          {submitting ? t('form.submitting') : t('form.submit')}
        </Button>
        {attempted && invalid && (
          <Caption1 className={styles.secondary} role="alert">
            {t('form.fixErrors')}
          </Caption1>
        )}
      </div>
    </form>
  )
}
