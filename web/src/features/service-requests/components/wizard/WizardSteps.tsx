import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { CheckmarkRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { usePortalsT } from '../../../workload-portals/t.ts'

/** `portal`: a customer's request continues in the workload's own portal (R3). */
export type StepId = 'customer' | 'workload' | 'details' | 'portal'

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    padding: 0,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  numberCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  numberDone: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    color: tokens.colorBrandForeground1,
  },
  separator: { width: '32px', height: '1px', backgroundColor: tokens.colorNeutralStroke2 },
})

/** "1 Customer — 2 Workload — 3 Details", with the current step marked for screen readers too. */
export function WizardSteps({ steps, current }: { steps: StepId[]; current: StepId }) {
  const { t } = useTranslation()
  const portalsT = usePortalsT()
  const styles = useStyles()
  const currentIndex = steps.indexOf(current)
  return (
    <ol className={styles.list} aria-label={t('wizard.stepsLabel')} data-testid="wizard-steps">
      {steps.map((step, index) => {
        const done = index < currentIndex
        const isCurrent = index === currentIndex
        return (
          <li
            key={step}
            className={mergeClasses(styles.item, isCurrent && styles.current, done && styles.done)}
            aria-current={isCurrent ? 'step' : undefined}
            data-testid="wizard-step-indicator"
            data-step={step}
          >
            {index > 0 && <span className={styles.separator} aria-hidden />}
            <span
              className={mergeClasses(
                styles.number,
                isCurrent && styles.numberCurrent,
                done && styles.numberDone,
              )}
              aria-hidden
            >
              {done ? <CheckmarkRegular /> : index + 1}
            </span>
            {step === 'portal' ? portalsT('handover.step') : t(`wizard.steps.${step}`)}
          </li>
        )
      })}
    </ol>
  )
}
