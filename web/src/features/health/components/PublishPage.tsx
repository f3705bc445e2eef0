import {
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { MegaphoneRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  CLASSIFICATIONS,
  INCIDENT_STATUSES,
  listServices,
  publishIncident,
  type Classification,
  type HealthStatus,
} from '../api.ts'
import { useHealthTranslation } from '../translation.ts'
import type { HealthViewer } from '../viewer.ts'
import { HealthBreadcrumb } from './HealthBreadcrumb.tsx'
import {
  HighImpactSwitch,
  LineField,
  LongTextField,
  StatusField,
  SubmitRow,
  TitleField,
} from './IncidentFormFields.tsx'
import { AffectedTenantsField, ServicePicker, type TenantChoice } from './Pickers.tsx'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  narrow: { minWidth: '260px', flexGrow: 1, flexBasis: 0 },
})

/** The vendor's engineers publish an incident or advisory; it goes live to the affected tenants at once. */
export function PublishPage({ viewer }: { viewer: HealthViewer }) {
  const { t } = useHealthTranslation()
  useDocumentTitle(t('publish.title'))
  return (
    <>
      <PageHeader
        title={t('publish.title')}
        description={t('publish.intro')}
        above={<HealthBreadcrumb current={t('publish.title')} />}
      />
      {viewer.isEngineer ? (
        <PublishForm />
      ) : (
        <MessageBar intent="info" data-testid="health-publish-not-allowed">
          <MessageBarBody>{t('publish.engineersOnly')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

function PublishForm() {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const services = useApiResource((signal) => listServices(signal), [])

  const [title, setTitle] = useState('')
  const [classification, setClassification] = useState<Classification>('incident')
  const [status, setStatus] = useState<HealthStatus>('investigating')
  const [impact, setImpact] = useState('')
  const [serviceIds, setServiceIds] = useState<string[]>([])
  const [allTenants, setAllTenants] = useState(false)
  const [chosen, setChosen] = useState<TenantChoice[]>([])
  const [feature, setFeature] = useState('')
  const [featureGroup, setFeatureGroup] = useState('')
  const [highImpact, setHighImpact] = useState(false)
  const [message, setMessage] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const { busy, error, run } = useApiAction({ staysBusyOnSuccess: true })

  const problems = {
    title: title.trim() === '',
    impact: impact.trim() === '',
    services: serviceIds.length === 0,
    tenants: !allTenants && chosen.length === 0,
    message: message.trim() === '',
  }
  const invalid = Object.values(problems).some(Boolean)
  const show = (problem: boolean, text: string) => (submitted && problem ? text : undefined)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (invalid || busy) return
    await run(async () => {
      const created = await publishIncident({
        title: title.trim(),
        classification,
        status,
        impactDescription: impact.trim(),
        serviceIds,
        ...(allTenants ? { allTenants: true as const } : { tenantIds: chosen.map((c) => c.tenantId) }),
        ...(feature.trim() ? { feature: feature.trim() } : {}),
        ...(featureGroup.trim() ? { featureGroup: featureGroup.trim() } : {}),
        highImpact,
        message: message.trim(),
      })
      void navigate(`/health/incidents/${encodeURIComponent(created.id)}`, { state: { published: true } })
    })
  }

  if (services.error) return <ErrorMessage error={services.error} onRetry={services.reload} />
  if (!services.data) return <LoadingState label={t('publish.loading')} />

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="health-publish-form"
    >
      <TitleField
        required
        value={title}
        onChange={setTitle}
        validationMessage={show(problems.title, t('form.required'))}
        testId="health-publish-title"
      />
      <div className={styles.row}>
        <Field label={t('form.classification')} required className={styles.narrow}>
          <RadioGroup
            layout="horizontal"
            value={classification}
            onChange={(_event, data) => setClassification(data.value as Classification)}
            data-testid="health-publish-classification"
          >
            {CLASSIFICATIONS.map((c) => (
              <Radio
                key={c}
                value={c}
                label={t(`classification.${c}`)}
                data-testid={`health-publish-classification-${c}`}
              />
            ))}
          </RadioGroup>
        </Field>
        <StatusField
          statuses={INCIDENT_STATUSES}
          value={status}
          onChange={setStatus}
          required
          className={styles.narrow}
          testId="health-publish-status"
        />
      </div>
      <LongTextField
        kind="impact"
        label={t('form.impact')}
        hint={t('form.impactHint')}
        required
        value={impact}
        onChange={setImpact}
        validationMessage={show(problems.impact, t('form.required'))}
        testId="health-publish-impact"
      />
      <ServicePicker
        services={services.data}
        selected={serviceIds}
        onChange={setServiceIds}
        validationMessage={show(problems.services, t('form.servicesRequired'))}
      />
      <AffectedTenantsField
        all={allTenants}
        onAllChange={setAllTenants}
        chosen={chosen}
        onChosenChange={setChosen}
        validationMessage={show(problems.tenants, t('form.tenantsRequired'))}
      />
      <div className={styles.row}>
        {(
          [
            ['feature', feature, setFeature, 'health-publish-feature'],
            ['featureGroup', featureGroup, setFeatureGroup, 'health-publish-feature-group'],
          ] as const
        ).map(([key, value, onChange, testId]) => (
          <LineField
            key={key}
            label={t(`form.${key}`)}
            hint={t('form.optional')}
            className={styles.narrow}
            maxLength={200}
            value={value}
            onChange={onChange}
            testId={testId}
          />
        ))}
      </div>
      <HighImpactSwitch value={highImpact} onChange={setHighImpact} testId="health-publish-high-impact" />
      <LongTextField
        kind="message"
        label={t('publish.message')}
        hint={t('publish.messageHint')}
        required
        value={message}
        onChange={setMessage}
        validationMessage={show(problems.message, t('form.required'))}
        testId="health-publish-message"
      />

      {error && <ErrorMessage error={error} />}
      {submitted && invalid && (
        <MessageBar intent="error" data-testid="health-publish-invalid">
          <MessageBarBody>{t('form.fixErrors')}</MessageBarBody>
        </MessageBar>
      )}
      <SubmitRow
        busy={busy}
        icon={<MegaphoneRegular />}
        label={t('publish.submit')}
        testId="health-publish-submit"
      />
    </form>
  )
}
