import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { MegaphoneRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  CLASSIFICATIONS,
  INCIDENT_STATUSES,
  isStatus,
  listServices,
  publishIncident,
  type Classification,
  type HealthStatus,
} from '../api.ts'
import { useHealthTranslation } from '../translation.ts'
import type { HealthViewer } from '../viewer.ts'
import { HealthBreadcrumb } from './HealthBreadcrumb.tsx'
import { AffectedTenantsField, ServicePicker, type TenantChoice } from './Pickers.tsx'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  narrow: { minWidth: '260px', flexGrow: 1, flexBasis: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

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
    setBusy(true)
    setError(null)
    try {
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
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)))
      setBusy(false)
    }
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
      <Field label={t('form.title')} required validationMessage={show(problems.title, t('form.required'))}>
        <Input
          value={title}
          maxLength={300}
          onChange={(_event, data) => setTitle(data.value)}
          data-testid="health-publish-title"
        />
      </Field>
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
        <Field label={t('form.status')} required className={styles.narrow}>
          <Select
            value={status}
            onChange={(_event, data) => isStatus(data.value) && setStatus(data.value)}
            data-testid="health-publish-status"
          >
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={t('form.impact')}
        hint={t('form.impactHint')}
        required
        validationMessage={show(problems.impact, t('form.required'))}
      >
        <Textarea
          value={impact}
          rows={3}
          resize="vertical"
          maxLength={5000}
          onChange={(_event, data) => setImpact(data.value)}
          data-testid="health-publish-impact"
        />
      </Field>
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
        <Field label={t('form.feature')} hint={t('form.optional')} className={styles.narrow}>
          <Input
            value={feature}
            maxLength={200}
            onChange={(_event, data) => setFeature(data.value)}
            data-testid="health-publish-feature"
          />
        </Field>
        <Field label={t('form.featureGroup')} hint={t('form.optional')} className={styles.narrow}>
          <Input
            value={featureGroup}
            maxLength={200}
            onChange={(_event, data) => setFeatureGroup(data.value)}
            data-testid="health-publish-feature-group"
          />
        </Field>
      </div>
      <Switch
        checked={highImpact}
        onChange={(_event, data) => setHighImpact(data.checked)}
        label={t('form.highImpact')}
        data-testid="health-publish-high-impact"
      />
      <Field
        label={t('publish.message')}
        hint={t('publish.messageHint')}
        required
        validationMessage={show(problems.message, t('form.required'))}
      >
        <Textarea
          value={message}
          rows={4}
          resize="vertical"
          maxLength={20000}
          onChange={(_event, data) => setMessage(data.value)}
          data-testid="health-publish-message"
        />
      </Field>

      {error && <ErrorMessage error={error} />}
      {submitted && invalid && (
        <MessageBar intent="error" data-testid="health-publish-invalid">
          <MessageBarBody>{t('form.fixErrors')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy}
          icon={busy ? <Spinner size="tiny" /> : <MegaphoneRegular />}
          data-testid="health-publish-submit"
        >
          {t('publish.submit')}
        </Button>
      </div>
    </form>
  )
}
