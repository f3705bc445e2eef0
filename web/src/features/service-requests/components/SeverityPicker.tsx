import { Caption1, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { SEVERITIES, type Severity } from '../api.ts'

/** R14: the first-response targets when the policy has not said (critical 2 h, moderate 4 h, minimal 8 h). */
export const DEFAULT_FIRST_RESPONSE: Record<Severity, number> = { minimal: 480, moderate: 240, critical: 120 }

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column' },
  label: { display: 'flex', flexDirection: 'column' },
  secondary: { color: tokens.colorNeutralForeground3 },
})

/**
 * Severity with its first-response target (R14) and what it means. Without targets from the policy,
 * R14's defaults are shown, unless `withDefaults` is false: then no target is shown.
 */
export function SeverityPicker({
  value,
  onChange,
  firstResponseMinutes,
  withDefaults = true,
  testId,
}: {
  value: Severity
  onChange: (severity: Severity) => void
  firstResponseMinutes: Record<Severity, number> | null | undefined
  withDefaults?: boolean
  testId: string
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const targets = firstResponseMinutes ?? (withDefaults ? DEFAULT_FIRST_RESPONSE : null)
  return (
    <RadioGroup
      className={styles.group}
      value={value}
      onChange={(_event, data) => onChange(data.value as Severity)}
      data-testid={testId}
    >
      {SEVERITIES.map((s) => (
        <Radio
          key={s}
          value={s}
          data-testid="severity-option"
          data-severity={s}
          label={
            <span className={styles.label}>
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
  )
}
