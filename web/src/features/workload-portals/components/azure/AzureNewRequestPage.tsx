import {
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import {
  PROBLEM_TYPES,
  getAdvice,
  type Alternative,
  type ProblemType,
  type Severity,
} from '../../../service-requests/api.ts'
import { AdviceIncidents } from '../../../service-requests/components/AdviceIncidents.tsx'
import { RuleBadge } from '../../../service-requests/components/Badges.tsx'
import { RefusalBox } from '../../../service-requests/components/RefusalBox.tsx'
import { SeverityPicker } from '../../../service-requests/components/SeverityPicker.tsx'
import {
  DescriptionField,
  LinkedIncidentNote,
  SubmitActions,
  TitleField,
  useSubmission,
} from '../../../service-requests/components/request-form.tsx'
import { refusalFromAdvice } from '../../../service-requests/refusal.ts'
import {
  ISSUE_TYPE_SERVICES,
  createTicket,
  listClassifications,
  listServices,
  newTicketName,
  refusalFromArmError,
  type ContactDetails,
} from '../../api/arm.ts'
import { azureSubscriptions } from '../../api/portal.ts'
import { tenantQuery, usePortalContext, type PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { useFormStyles } from '../../../service-requests/components/form-styles.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { AzureContactSection, type ContactErrors } from './AzureContactSection.tsx'
import { initialContact } from './contact.ts'

const useStyles = makeStyles({
  plan: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
  },
  planName: { fontWeight: tokens.fontWeightSemibold },
  linked: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
})

const isProblemType = (value: string | null): value is ProblemType =>
  PROBLEM_TYPES.includes(value as ProblemType)
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Azure support → Create a support request, in the delegated context (?tenant=) or the user's own. */
export function AzureNewRequestPage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('azure.new.title'))
  const state = usePortalContext(viewer, 'https://management.azure.com', { ownToken: true })
  return (
    <PortalFrame portal="azure" state={state} viewer={viewer} tab="new">
      {(context) => <AzureNewRequestForm key={context.tenantId} context={context} viewer={viewer} />}
    </PortalFrame>
  )
}

function AzureNewRequestForm({ context, viewer }: { context: PortalContext; viewer: PortalViewer }) {
  const t = usePortalsT()
  const { t: tApp, i18n } = useTranslation()
  const styles = useStyles()
  const form = useFormStyles()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const token = context.auth.token ?? ''

  const [issueType, setIssueType] = useState<ProblemType>(() => {
    const given = params.get('issueType')
    return isProblemType(given) ? given : 'technical'
  })
  const [chosenSubscription, setChosenSubscription] = useState<string>(params.get('subscription') ?? '')
  const [technicalService, setTechnicalService] = useState('')
  const [classificationId, setClassificationId] = useState('')
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [severity, setSeverity] = useState<Severity>('moderate')
  const [contact, setContact] = useState<ContactDetails>(() => initialContact(viewer, i18n.language))
  const [linkedIncidentId, setLinkedIncidentId] = useState<string | null>(params.get('incident'))
  const submission = useSubmission(i18n.language)
  const { attempted, submitting } = submission

  const subscriptions = useApiResource(
    (signal) => azureSubscriptions(context, signal),
    [context.kind, context.tenantId],
  )
  const subscriptionList = subscriptions.data ?? []
  const subscriptionId = subscriptionList.some((s) => s.id === chosenSubscription)
    ? chosenSubscription
    : (subscriptionList[0]?.id ?? '')

  const services = useApiResource((signal) => listServices(token, signal), [token])
  const special = new Set<string>(Object.values(ISSUE_TYPE_SERVICES))
  const serviceChoices = (services.data ?? []).filter((s) =>
    issueType === 'technical' ? !special.has(s.name) : s.name === ISSUE_TYPE_SERVICES[issueType],
  )
  const serviceName = issueType === 'technical' ? technicalService : ISSUE_TYPE_SERVICES[issueType]
  const service = (services.data ?? []).find((s) => s.name === serviceName)

  const classifications = useApiResource(
    (signal) => (serviceName ? listClassifications(token, serviceName, signal) : Promise.resolve([])),
    [token, serviceName],
  )
  const classification = (classifications.data ?? []).find((c) => c.name === classificationId)

  // The answer is kept with the question it answers, so a stale one is never shown as current.
  const adviceKey = `${context.tenantId}|${subscriptionId}|${issueType}`
  const advice = useApiResource(
    async (signal) =>
      subscriptionId
        ? {
            key: adviceKey,
            advice: await getAdvice(
              {
                customer: context.kind === 'delegated' ? context.tenantId : undefined,
                workload: 'azure',
                subscription: subscriptionId,
                problemType: issueType,
              },
              signal,
            ),
          }
        : null,
    [adviceKey],
  )
  const current = advice.data?.key === adviceKey ? advice.data.advice : undefined
  const linkedIncident = current?.incidents.find((i) => i.id === linkedIncidentId) ?? null

  const chooseIssueType = (next: ProblemType) => {
    setIssueType(next)
    setTechnicalService('')
    setClassificationId('')
  }
  const takeAlternative = (alternative: Alternative) => {
    if (alternative.problemType) chooseIssueType(alternative.problemType)
  }

  const contactErrors: ContactErrors = {
    firstName: contact.firstName.trim() === '',
    lastName: contact.lastName.trim() === '',
    email: !EMAIL.test(contact.primaryEmailAddress.trim()),
    phone: contact.preferredContactMethod === 'phone' && !contact.phoneNumber?.trim(),
  }
  const missing = {
    subscription: !subscriptionId,
    service: !service,
    problem: !classification,
    title: title.trim() === '',
    description: description.trim() === '',
  }
  const invalid = Object.values(missing).some(Boolean) || Object.values(contactErrors).some(Boolean)
  const blocked = !current?.allowed || advice.loading || advice.error !== null
  // Refused for this subscription and issue type: only what could change the answer stays on screen.
  const refused = current !== undefined && !current.allowed

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const name = newTicketName()
    // Microsoft.Support has no field for a service incident: the link goes into the description (R4).
    const text = linkedIncident
      ? `${description.trim()}\n\n${t('azure.new.incidentLine', { id: linkedIncident.id, title: linkedIncident.title })}`
      : description.trim()
    const phone = contact.phoneNumber?.trim()
    void submission.attempt(
      !invalid && !blocked && service !== undefined && classification !== undefined,
      async () => {
        if (!service || !classification) return
        await createTicket(token, subscriptionId, name, {
          serviceId: service.id,
          problemClassificationId: classification.id,
          title: title.trim(),
          description: text,
          severity,
          contactDetails: {
            ...contact,
            firstName: contact.firstName.trim(),
            lastName: contact.lastName.trim(),
            primaryEmailAddress: contact.primaryEmailAddress.trim(),
            ...(phone ? { phoneNumber: phone } : { phoneNumber: undefined }),
          },
        })
        void navigate(
          `/azure/support/requests/${encodeURIComponent(subscriptionId)}/${encodeURIComponent(name)}${tenantQuery(context)}`,
          { state: { created: true } },
        )
      },
      refusalFromArmError,
    )
  }

  const required = (show: boolean, message: string) => (attempted && show ? message : undefined)

  return (
    <form
      className={form.form}
      onSubmit={submit}
      noValidate
      aria-labelledby="azure-new-title"
      data-testid="azure-new-request"
      data-context={context.kind}
      data-tenant-id={context.tenantId}
    >
      <PageHeader title={t('azure.new.title')} description={t('azure.new.intro')} />
      {current && (
        <AdviceIncidents
          incidents={current.incidents}
          canFile={current.allowed}
          linkedIncidentId={linkedIncidentId}
          onLink={setLinkedIncidentId}
        />
      )}

      <section className={form.section} aria-labelledby="azure-new-title">
        <Subtitle2 as="h2" id="azure-new-title">
          {t('azure.new.problemTitle')}
        </Subtitle2>
        <div className={form.row}>
          <Field label={t('azure.new.issueType')} required>
            <Select
              value={issueType}
              onChange={(_event, data) => chooseIssueType(data.value as ProblemType)}
              data-testid="azure-issue-type"
            >
              {PROBLEM_TYPES.map((p) => (
                <option key={p} value={p}>
                  {tApp(`requests.problemType.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('azure.new.subscription')}
            required
            hint={subscriptionId ? t('azure.new.subscriptionId', { id: subscriptionId }) : undefined}
            validationMessage={
              subscriptions.data && subscriptionList.length === 0
                ? t('azure.new.noSubscriptions', { tenant: context.tenantName })
                : required(missing.subscription, t('common.required'))
            }
          >
            <Select
              value={subscriptionId}
              disabled={!subscriptions.data}
              onChange={(_event, data) => setChosenSubscription(data.value)}
              data-testid="azure-subscription"
            >
              {subscriptionList.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          {subscriptions.error && (
            <div className={form.wide}>
              <ErrorMessage error={subscriptions.error} onRetry={subscriptions.reload} />
            </div>
          )}
          <Field
            className={form.wide}
            label={t('azure.new.supportPlan')}
            hint={t('azure.new.supportPlanHint')}
          >
            <div
              className={styles.plan}
              data-testid="azure-support-plan"
              data-allowed={current ? String(current.allowed) : ''}
              data-kind={current?.supportPlanKind ?? ''}
              data-rule={current?.rule ?? ''}
              aria-live="polite"
            >
              {advice.loading && !current ? (
                <Spinner size="tiny" label={t('azure.new.checkingPlan')} labelPosition="after" />
              ) : current?.allowed ? (
                <>
                  <span className={styles.planName}>{current.supportPlan ?? tApp('common.none')}</span>
                  {current.rule && <RuleBadge rule={current.rule} />}
                  <Caption1 className={form.secondary}>{current.message}</Caption1>
                </>
              ) : current ? (
                <Text>{t('azure.new.noPlan')}</Text>
              ) : (
                <Text className={form.secondary}>{t('azure.new.planPickSubscription')}</Text>
              )}
            </div>
          </Field>
          {refused && (
            <div className={form.wide}>
              <RefusalBox refusal={refusalFromAdvice(current)} onAlternative={takeAlternative} />
            </div>
          )}
          {advice.error && (
            <div className={form.wide}>
              <ErrorMessage error={advice.error} onRetry={advice.reload} />
            </div>
          )}
          {!refused && (
            <>
              <Field
                label={t('azure.new.service')}
                required
                validationMessage={required(missing.service, t('azure.new.serviceRequired'))}
              >
                <Select
                  value={serviceName}
                  disabled={!services.data || issueType !== 'technical'}
                  onChange={(_event, data) => {
                    setTechnicalService(data.value)
                    setClassificationId('')
                  }}
                  data-testid="azure-service"
                >
                  {issueType === 'technical' && <option value="">{t('azure.new.servicePlaceholder')}</option>}
                  {serviceChoices.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.properties.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={t('azure.new.problem')}
                required
                validationMessage={required(missing.problem, t('azure.new.problemRequired'))}
              >
                <Select
                  value={classificationId}
                  disabled={!serviceName || !classifications.data}
                  onChange={(_event, data) => setClassificationId(data.value)}
                  data-testid="azure-problem"
                >
                  <option value="">
                    {serviceName ? t('azure.new.problemPlaceholder') : t('azure.new.problemPickService')}
                  </option>
                  {(classifications.data ?? []).map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.properties.displayName}
                    </option>
                  ))}
                </Select>
              </Field>
              {(services.error ?? classifications.error) && (
                <div className={form.wide}>
                  <ErrorMessage
                    error={(services.error ?? classifications.error)!}
                    onRetry={services.error ? services.reload : classifications.reload}
                  />
                </div>
              )}
              <TitleField
                className={form.wide}
                value={title}
                onChange={setTitle}
                showError={attempted}
                testId="azure-summary"
                label={t('azure.new.summary')}
                placeholder={t('azure.new.summaryPlaceholder')}
                requiredMessage={t('azure.new.summaryRequired')}
              />
            </>
          )}
        </div>
      </section>

      {!refused && (
        <>
          <section className={form.section} aria-labelledby="azure-details-title">
            <Subtitle2 as="h2" id="azure-details-title">
              {t('azure.new.detailsTitle')}
            </Subtitle2>
            <DescriptionField
              value={description}
              onChange={setDescription}
              showError={attempted}
              testId="azure-description"
              maxLength={19000}
              label={t('azure.new.description')}
              hint={t('azure.new.descriptionHint')}
              requiredMessage={t('azure.new.descriptionRequired')}
            />
            {linkedIncident && (
              <LinkedIncidentNote className={styles.linked} testId="azure-linked-incident">
                {t('azure.new.linkedIncident', { id: linkedIncident.id, title: linkedIncident.title })}
              </LinkedIncidentNote>
            )}
            <Field label={t('azure.new.severity')} required>
              <SeverityPicker
                value={severity}
                onChange={setSeverity}
                firstResponseMinutes={current?.firstResponseMinutes}
                testId="azure-severity"
              />
            </Field>
          </section>

          <AzureContactSection
            context={context}
            viewer={viewer}
            value={contact}
            onChange={setContact}
            errors={attempted ? contactErrors : {}}
          />

          <SubmitActions
            submission={submission}
            blocked={blocked}
            invalid={invalid}
            label={t('azure.new.create')}
            busyLabel={t('azure.new.creatingShort')}
            fixErrors={t('common.fixErrors')}
            testId="azure-create"
            refusalTestId="azure-create-refusal"
            status={
              submitting && (
                <MessageBar intent="info" data-testid="azure-creating">
                  <MessageBarBody>{t('azure.new.creating')}</MessageBarBody>
                </MessageBar>
              )
            }
          />
        </>
      )}
    </form>
  )
}
