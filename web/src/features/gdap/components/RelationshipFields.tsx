import { Field, Input, Switch } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { MAX_DAYS, MAX_NAME_LENGTH, MIN_DAYS } from '../api.ts'

export type NameProblem = 'required' | 'tooLong'

export function validateName(name: string): NameProblem | null {
  if (!name.trim()) return 'required'
  if (name.length > MAX_NAME_LENGTH) return 'tooLong'
  return null
}

/** Whole days from 1 to 730, or null. */
export function parseDays(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null
  const days = Number(text.trim())
  return days >= MIN_DAYS && days <= MAX_DAYS ? days : null
}

const DAY_MS = 86_400_000

export function NameField({
  value,
  onChange,
  problem,
  placeholder,
  className,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  problem: NameProblem | null
  placeholder?: string
  className?: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Field
      className={className}
      label={t('gdapNew.name')}
      required
      hint={t('gdapNew.nameHint', { length: value.length, max: MAX_NAME_LENGTH })}
      validationState={problem ? 'error' : 'none'}
      validationMessage={
        problem === 'required'
          ? t('gdapNew.nameRequired')
          : problem === 'tooLong'
            ? t('gdapNew.nameTooLong')
            : undefined
      }
    >
      <Input
        value={value}
        maxLength={MAX_NAME_LENGTH}
        onChange={(_event, data) => onChange(data.value)}
        placeholder={placeholder}
        name="displayName"
        data-testid={testId}
      />
    </Field>
  )
}

export function DurationField({
  value,
  onChange,
  showProblem,
  className,
  testId,
}: {
  value: string
  onChange: (value: string) => void
  showProblem: boolean
  className?: string
  testId: string
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const days = parseDays(value)
  const endIfApprovedToday = days === null ? null : new Date(Date.now() + days * DAY_MS).toISOString()
  return (
    <Field
      className={className}
      label={t('gdapNew.duration')}
      required
      hint={
        endIfApprovedToday
          ? t('gdapNew.durationHint', { date: format.date(endIfApprovedToday) })
          : t('gdapNew.durationRange')
      }
      validationState={showProblem && days === null ? 'error' : 'none'}
      validationMessage={showProblem && days === null ? t('gdapNew.durationInvalid') : undefined}
    >
      <Input
        type="number"
        inputMode="numeric"
        min={MIN_DAYS}
        max={MAX_DAYS}
        step={1}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
        contentAfter={t('gdapNew.daysUnit')}
        name="durationDays"
        data-testid={testId}
      />
    </Field>
  )
}

/** Auto-extend (P180D), which Global Administrator relationships cannot have. */
export function AutoExtendField({
  value,
  onChange,
  globalAdmin,
  className,
  testId,
}: {
  value: boolean
  onChange: (value: boolean) => void
  globalAdmin: boolean
  className?: string
  testId: string
}) {
  const { t } = useTranslation()
  const on = value && !globalAdmin
  return (
    <Field
      className={className}
      label={t('gdapNew.autoExtend')}
      hint={globalAdmin ? t('gdapNew.autoExtendGlobalAdmin') : t('gdapNew.autoExtendHint')}
      validationState={globalAdmin ? 'warning' : 'none'}
    >
      <Switch
        checked={on}
        disabled={globalAdmin}
        onChange={(_event, data) => onChange(data.checked)}
        label={on ? t('gdapCommon.on') : t('gdapCommon.off')}
        data-testid={testId}
      />
    </Field>
  )
}
