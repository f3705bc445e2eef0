import {
  Caption1,
  Divider,
  Radio,
  RadioGroup,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import { listCustomerChoices } from '../../api.ts'
import type { Target } from './target.ts'

const SEARCH_DELAY_MS = 250

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  search: { width: '100%' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  secondary: { display: 'block', color: tokens.colorNeutralForeground3 },
  label: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground3 },
})

/**
 * Step 1 (R3): the customer — one of the partner's customers — or the partner's own subscriptions
 * (R12/R13: own context, own support plan).
 */
export function CustomerStep({
  value,
  ownTenantName,
  onChange,
}: {
  value: Target | null
  ownTenantName: string
  onChange: (target: Target) => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [text])
  const customers = useApiResource((signal) => listCustomerChoices(q, signal), [q])
  const items = customers.data?.items ?? []

  const selected = value === null ? '' : value.kind === 'own' ? 'own' : value.tenantId
  const choose = (id: string) => {
    if (id === 'own') return onChange({ kind: 'own' })
    const customer = items.find((c) => c.tenantId === id)
    onChange({ kind: 'customer', tenantId: id, name: customer?.displayName ?? null })
  }

  return (
    <div className={styles.root} data-testid="wizard-step-customer">
      <SearchBox
        className={styles.search}
        value={text}
        onChange={(_event, data) => setText(data.value)}
        placeholder={t('wizard.customer.searchPlaceholder')}
        aria-label={t('wizard.customer.searchLabel')}
        data-testid="customer-picker-search"
      />
      <RadioGroup
        className={styles.group}
        value={selected}
        onChange={(_event, data) => choose(data.value)}
        aria-label={t('wizard.customer.title')}
        data-testid="customer-picker"
      >
        <Radio
          value="own"
          data-testid="customer-option-own"
          label={
            <span className={styles.label}>
              <Text weight="semibold">{t('wizard.customer.own')}</Text>
              <Caption1 className={styles.secondary}>
                {t('wizard.customer.ownHint', { tenant: ownTenantName })}
              </Caption1>
            </span>
          }
        />
        <Divider>{t('wizard.customer.yourCustomers')}</Divider>
        {items.map((c) => (
          <Radio
            key={c.tenantId}
            value={c.tenantId}
            data-testid="customer-option"
            data-tenant-id={c.tenantId}
            label={
              <span className={styles.label}>
                <Text>{c.displayName}</Text>
                <Caption1 className={styles.secondary}>{c.defaultDomain}</Caption1>
              </span>
            }
          />
        ))}
      </RadioGroup>
      {customers.error && <ErrorMessage error={customers.error} onRetry={customers.reload} />}
      {!customers.data && customers.loading && (
        <Spinner size="tiny" label={t('wizard.customer.loading')} labelPosition="after" />
      )}
      {customers.data && items.length === 0 && (
        <Text className={styles.muted} data-testid="customer-picker-empty">
          {q ? t('wizard.customer.noMatch', { q }) : t('wizard.customer.empty')}
        </Text>
      )}
      {customers.data && customers.data.total > items.length && (
        <Caption1 className={styles.muted}>
          {t('wizard.customer.more', { shown: items.length, total: customers.data.total })}
        </Caption1>
      )}
    </div>
  )
}
