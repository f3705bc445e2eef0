import { Field, Select, Switch, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts'
import {
  CLASSIFICATIONS,
  WORKLOADS,
  isClassification,
  isWorkload,
  type Classification,
  type HealthService,
  type Workload,
} from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  field: { minWidth: '180px' },
})

export interface HealthFilterValues {
  workload: Workload | undefined
  service: string | undefined
  classification: Classification | undefined
  /** Engineers' incident list only. */
  active: boolean
  days: number
}

export const DAY_CHOICES = [7, 30, 90] as const

/** The filters live in the URL (?workload=&service=&classification=…), so a view can be shared. */
export function useHealthFilters(): [HealthFilterValues, (change: Partial<HealthFilterValues>) => void] {
  const [params, changeParams] = useUrlParams()
  const workload = params.get('workload')
  const classification = params.get('classification')
  const days = Number(params.get('days'))
  const values: HealthFilterValues = {
    workload: isWorkload(workload) ? workload : undefined,
    service: params.get('service') || undefined,
    classification: isClassification(classification) ? classification : undefined,
    active: params.get('active') !== 'false',
    days: (DAY_CHOICES as readonly number[]).includes(days) ? days : 30,
  }
  const change = (next: Partial<HealthFilterValues>) => {
    changeParams(
      (previous) => {
        const updated = new URLSearchParams(previous)
        for (const [key, value] of Object.entries(next)) {
          const text = value === undefined || value === '' ? null : String(value)
          const isDefault = (key === 'active' && text === 'true') || (key === 'days' && text === '30')
          if (text === null || isDefault) updated.delete(key)
          else updated.set(key, text)
        }
        return updated
      },
      { replace: true },
    )
  }
  return [values, change]
}

/** Workload, service (within the workload) and classification; engineers also get active/days. */
export function HealthFilters({
  values,
  onChange,
  services,
  withActive = false,
  children,
}: {
  values: HealthFilterValues
  onChange: (change: Partial<HealthFilterValues>) => void
  services: HealthService[] | undefined
  withActive?: boolean
  children?: ReactNode
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const choices = (services ?? []).filter((s) => !values.workload || s.workload === values.workload)
  return (
    <div className={styles.root} role="search" aria-label={t('filters.label')} data-testid="health-filters">
      <Field label={t('filters.workload')} className={styles.field}>
        <Select
          value={values.workload ?? ''}
          onChange={(_event, data) => {
            const workload = isWorkload(data.value) ? data.value : undefined
            const service = services?.find((s) => s.id === values.service)
            // a service of another workload would leave the view empty for no visible reason
            onChange({
              workload,
              ...(workload && service && service.workload !== workload ? { service: undefined } : {}),
            })
          }}
          data-testid="health-filter-workload"
        >
          <option value="">{t('filters.allWorkloads')}</option>
          {WORKLOADS.map((w) => (
            <option key={w} value={w}>
              {t(`workload.${w}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.service')} className={styles.field}>
        <Select
          value={values.service ?? ''}
          onChange={(_event, data) => onChange({ service: data.value || undefined })}
          disabled={!services}
          data-testid="health-filter-service"
        >
          <option value="">{t('filters.allServices')}</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
          {values.service && services && !choices.some((s) => s.id === values.service) && (
            <option value={values.service}>{values.service}</option>
          )}
        </Select>
      </Field>
      <Field label={t('filters.classification')} className={styles.field}>
        <Select
          value={values.classification ?? ''}
          onChange={(_event, data) =>
            onChange({ classification: isClassification(data.value) ? data.value : undefined })
          }
          data-testid="health-filter-classification"
        >
          <option value="">{t('filters.allClassifications')}</option>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {t(`classification.${c}Plural`)}
            </option>
          ))}
        </Select>
      </Field>
      {withActive && (
        <>
          <Field label={t('filters.period')} className={styles.field}>
            <Select
              value={String(values.days)}
              onChange={(_event, data) => onChange({ days: Number(data.value) })}
              data-testid="health-filter-days"
            >
              {DAY_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {t('filters.lastDays', { count: d })}
                </option>
              ))}
            </Select>
          </Field>
          <Switch
            checked={values.active}
            onChange={(_event, data) => onChange({ active: data.checked })}
            label={t('filters.activeOnly')}
            data-testid="health-filter-active"
          />
        </>
      )}
      {children}
    </div>
  )
}
