import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  GLOBAL_ADMINISTRATOR,
  createRelationship,
  listCustomerChoices,
  listRoles,
  type GdapRole,
} from '../api.ts'
import type { GdapViewer } from '../viewer.ts'
import { GdapBreadcrumb } from './GdapBreadcrumb.tsx'
import { AutoExtendField, DurationField, NameField, parseDays, validateName } from './RelationshipFields.tsx'
import { RolePicker } from './RolePicker.tsx'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  narrow: { maxWidth: '480px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
})

/** New GDAP relationship: name, customer (or an open invitation), duration, auto-extend, roles. */
export function NewRelationshipPage({ viewer }: { viewer: GdapViewer }) {
  const { t } = useTranslation()
  useDocumentTitle(t('gdapNew.title'))
  return (
    <>
      <PageHeader
        title={t('gdapNew.title')}
        description={t('gdapNew.intro')}
        above={<GdapBreadcrumb current={t('gdapNew.title')} />}
      />
      {viewer.tenantKind === 'partner' && viewer.canManage ? (
        <NewRelationshipForm viewer={viewer} />
      ) : (
        <MessageBar intent="info" data-testid="gdap-new-not-allowed">
          <MessageBarBody>{t('gdapNew.partnerOnly')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

function NewRelationshipForm({ viewer }: { viewer: GdapViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const roles = useApiResource((signal) => listRoles(signal), [])
  const customers = useApiResource((signal) => listCustomerChoices(signal), [])

  const [name, setName] = useState('')
  const [customer, setCustomer] = useState(params.get('customer') ?? '')
  const [days, setDays] = useState('730')
  const [autoExtend, setAutoExtend] = useState(true)
  // a remedy's "ask for a new relationship with Service Support Administrator" names its roles
  const [roleIds, setRoleIds] = useState<string[] | null>(
    params.get('roles')?.split(',').filter(Boolean) ?? null,
  )
  const [submitted, setSubmitted] = useState(false)
  const { busy, error, run } = useApiAction({ staysBusyOnSuccess: true })

  // The least-privileged role for support work is the sensible start.
  const catalog: GdapRole[] = roles.data ?? []
  const selected = roleIds ?? catalog.filter((r) => r.recommendedForSupport).map((r) => r.id)
  const globalAdmin = selected.includes(GLOBAL_ADMINISTRATOR)

  const customerName = customers.data?.find((c) => c.tenantId === customer)?.displayName

  const nameProblem = validateName(name)
  const parsedDays = parseDays(days)
  const invalid = nameProblem !== null || parsedDays === null || selected.length === 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (invalid || parsedDays === null) return
    await run(async () => {
      const created = await createRelationship({
        displayName: name.trim(),
        days: parsedDays,
        customerTenantId: customer || null,
        roleIds: selected,
        autoExtend: autoExtend && !globalAdmin,
      })
      void navigate(`/gdap/relationships/${encodeURIComponent(created.id)}`, { state: { created: true } })
    })
  }

  if (roles.error) return <ErrorMessage error={roles.error} onRetry={roles.reload} />
  if (!roles.data) return <LoadingState label={t('gdapNew.loading')} />

  return (
    <form
      className={styles.form}
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="gdap-new-form"
    >
      <NameField
        className={styles.narrow}
        value={name}
        onChange={setName}
        problem={submitted ? nameProblem : null}
        placeholder={t('gdapNew.namePlaceholder', {
          partner: viewer.tenantName,
          customer: customerName ?? t('gdapNew.namePlaceholderCustomer'),
        })}
        testId="gdap-new-name"
      />

      <Field
        className={styles.narrow}
        label={t('gdapNew.customer')}
        hint={customer ? t('gdapNew.customerHint') : t('gdapNew.customerNoneHint')}
        validationState={customers.error ? 'error' : 'none'}
        validationMessage={customers.error?.message}
      >
        <Select
          value={customer}
          onChange={(_event, data) => setCustomer(data.value)}
          disabled={!customers.data}
          data-testid="gdap-new-customer"
        >
          <option value="">{t('gdapNew.customerNone')}</option>
          {(customers.data ?? []).map((c) => (
            <option key={c.tenantId} value={c.tenantId}>
              {c.displayName} ({c.defaultDomain})
            </option>
          ))}
          {/* a customer from the URL that the list does not (yet) hold stays selectable */}
          {customer && customers.data && !customerName && <option value={customer}>{customer}</option>}
        </Select>
      </Field>

      <DurationField
        className={styles.narrow}
        value={days}
        onChange={setDays}
        showProblem={submitted}
        testId="gdap-new-duration"
      />

      <AutoExtendField
        className={styles.narrow}
        value={autoExtend}
        onChange={setAutoExtend}
        globalAdmin={globalAdmin}
        testId="gdap-new-auto-extend"
      />

      <RolePicker
        roles={catalog}
        selected={selected}
        onChange={setRoleIds}
        validationMessage={submitted && selected.length === 0 ? t('gdapRoles.required') : undefined}
      />

      {error && <ErrorMessage error={error} />}
      {submitted && invalid && (
        <MessageBar intent="error" data-testid="gdap-new-invalid">
          <MessageBarBody>{t('gdapNew.fixErrors')}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent="info">
        <MessageBarBody>{t('gdapNew.next')}</MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          data-testid="gdap-new-submit"
        >
          {busy ? t('gdapNew.submitting') : t('gdapNew.submit')}
        </Button>
        <Button
          onClick={() => void navigate(customer ? `/customers/${encodeURIComponent(customer)}` : '/gdap')}
          disabled={busy}
          data-testid="gdap-new-cancel"
        >
          {t('gdapCommon.cancel')}
        </Button>
      </div>
    </form>
  )
}
