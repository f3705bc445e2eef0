import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { ReactElement } from 'react'
import { isStatus, type HealthStatus } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
})

/** What the publish and update forms set on a field besides its label. */
interface FieldBits {
  hint?: string
  required?: boolean
  className?: string
  validationMessage?: string
}

interface TextBits<T> {
  value: T
  onChange: (value: T) => void
  testId: string
}

/** The incident's status, among `statuses`. */
export function StatusField({
  statuses,
  value,
  onChange,
  testId,
  ...field
}: FieldBits & TextBits<HealthStatus> & { statuses: readonly HealthStatus[] }) {
  const { t } = useHealthTranslation()
  return (
    <Field label={t('form.status')} {...field}>
      <Select
        value={value}
        onChange={(_event, data) => isStatus(data.value) && onChange(data.value)}
        data-testid={testId}
      >
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </Select>
    </Field>
  )
}

/** A one-line text field. */
export function LineField({
  label,
  maxLength,
  value,
  onChange,
  testId,
  ...field
}: FieldBits & TextBits<string> & { label: string; maxLength: number }) {
  return (
    <Field label={label} {...field}>
      <Input
        value={value}
        maxLength={maxLength}
        onChange={(_event, data) => onChange(data.value)}
        data-testid={testId}
      />
    </Field>
  )
}

/** The incident's title. */
export function TitleField(props: FieldBits & TextBits<string>) {
  const { t } = useHealthTranslation()
  return <LineField label={t('form.title')} maxLength={300} {...props} />
}

/** A multi-line text: the user impact (3 rows, 5000 characters) or a post's message (4 rows, 20000). */
export function LongTextField({
  label,
  kind,
  value,
  onChange,
  testId,
  ...field
}: FieldBits & TextBits<string> & { label: string; kind: 'impact' | 'message' }) {
  return (
    <Field label={label} {...field}>
      <Textarea
        value={value}
        rows={kind === 'impact' ? 3 : 4}
        resize="vertical"
        maxLength={kind === 'impact' ? 5000 : 20000}
        onChange={(_event, data) => onChange(data.value)}
        data-testid={testId}
      />
    </Field>
  )
}

/** The "high impact" switch. */
export function HighImpactSwitch({ value, onChange, testId }: TextBits<boolean>) {
  const { t } = useHealthTranslation()
  return (
    <Switch
      checked={value}
      onChange={(_event, data) => onChange(data.checked)}
      label={t('form.highImpact')}
      data-testid={testId}
    />
  )
}

/** The form's actions row: its submit button, with a spinner while it is busy. */
export function SubmitRow({
  busy,
  icon,
  label,
  testId,
}: {
  busy: boolean
  icon: ReactElement
  label: string
  testId: string
}) {
  const styles = useStyles()
  return (
    <div className={styles.actions}>
      <Button
        type="submit"
        appearance="primary"
        disabled={busy}
        icon={busy ? <Spinner size="tiny" /> : icon}
        data-testid={testId}
      >
        {label}
      </Button>
    </div>
  )
}
