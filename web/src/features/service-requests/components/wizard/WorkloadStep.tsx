import {
  Caption1,
  Field,
  Radio,
  RadioGroup,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { ApiResource } from '../../../../shared/api/use-api-resource.ts'
import { WORKLOADS, type Advice, type Alternative, type HandledBy, type Workload } from '../../api.ts'
import { AdvicePanel } from '../AdvicePanel.tsx'

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 380px) minmax(320px, 1fr)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr' },
  },
  choices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalXS },
  tile: {
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingRight: tokens.spacingHorizontalS,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  tileSelected: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  label: { display: 'flex', flexDirection: 'column' },
  secondary: { color: tokens.colorNeutralForeground3 },
  advice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  placeholder: { color: tokens.colorNeutralForeground3 },
})

/**
 * Step 2 (R2, R3): the workload. Each choice asks the policy at once, so the verification and, if
 * it says no, the reason and the remedy show before any form is filled in.
 */
export function WorkloadStep({
  workload,
  onWorkload,
  advice,
  onAlternative,
  handledByChoice,
  products,
  productId,
  onProduct,
  linkedIncidentId,
  onLinkIncident,
}: {
  workload: Workload | null
  onWorkload: (workload: Workload) => void
  advice: ApiResource<Advice | null>
  onAlternative: (alternative: Alternative) => void
  /** For customer administrators (R10): who should handle the request, when there is a choice. */
  handledByChoice: { value: HandledBy; partnerName: string; onChange: (value: HandledBy) => void } | null
  products: { id: string; name: string; isvName: string }[]
  productId: string | undefined
  onProduct: (id: string | undefined) => void
  /** R4: the incident the request will be linked to ("File anyway, linked to it"). */
  linkedIncidentId: string | null
  onLinkIncident: (incidentId: string | null) => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const current = advice.data && advice.data.workload === workload ? advice.data : undefined

  return (
    <div className={styles.root} data-testid="wizard-step-workload">
      <div className={styles.choices}>
        <RadioGroup
          className={styles.group}
          value={workload ?? ''}
          onChange={(_event, data) => onWorkload(data.value as Workload)}
          aria-label={t('wizard.workload.title')}
          data-testid="workload-picker"
        >
          {WORKLOADS.map((w) => (
            <Radio
              key={w}
              value={w}
              className={mergeClasses(styles.tile, workload === w && styles.tileSelected)}
              data-testid="workload-option"
              data-workload={w}
              label={
                <span className={styles.label}>
                  <Text weight="semibold">{t(`requests.workload.${w}`)}</Text>
                  <Caption1 className={styles.secondary}>{t(`wizard.workload.hint.${w}`)}</Caption1>
                </span>
              }
            />
          ))}
        </RadioGroup>

        {workload === 'marketplace' && products.length > 1 && (
          <Field label={t('wizard.product')}>
            <Select
              value={productId ?? ''}
              onChange={(_event, data) => onProduct(data.value || undefined)}
              data-testid="product-select"
            >
              <option value="">{t('wizard.anyProduct')}</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('wizard.productOption', { product: p.name, isv: p.isvName })}
                </option>
              ))}
            </Select>
          </Field>
        )}

        {handledByChoice && workload && (
          <RadioGroup
            value={handledByChoice.value}
            onChange={(_event, data) => handledByChoice.onChange(data.value as HandledBy)}
            aria-label={t('wizard.handledBy.label')}
            data-testid="handled-by-picker"
          >
            <Text weight="semibold">{t('wizard.handledBy.label')}</Text>
            <Radio
              value="vendor"
              data-testid="handled-by-option"
              data-handled-by="vendor"
              label={t('wizard.handledBy.vendor')}
            />
            <Radio
              value="partner"
              data-testid="handled-by-option"
              data-handled-by="partner"
              label={t('wizard.handledBy.partner', { partner: handledByChoice.partnerName })}
            />
          </RadioGroup>
        )}
      </div>

      <section className={styles.advice} aria-label={t('advice.title')}>
        {workload ? (
          <AdvicePanel
            advice={current}
            loading={advice.loading}
            error={advice.error}
            onRetry={advice.reload}
            onAlternative={onAlternative}
            linkedIncidentId={linkedIncidentId}
            onLinkIncident={onLinkIncident}
          />
        ) : (
          <Text className={styles.placeholder} data-testid="advice-placeholder">
            {t('wizard.workload.pickFirst')}
          </Text>
        )}
      </section>
    </div>
  )
}
