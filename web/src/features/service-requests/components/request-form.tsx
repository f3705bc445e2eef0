import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components'
import { InfoRegular, LinkRegular } from '@fluentui/react-icons'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import type { ApiResource } from '../../../shared/api/use-api-resource.ts'
import { currentLanguage, type Language } from '../../../shared/i18n/i18n.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import type { NewRequest, Refusal, SupportTopic } from '../api.ts'
import { refusalFromError } from '../refusal.ts'
import { useFormStyles } from './form-styles.ts'
import { RefusalBox } from './RefusalBox.tsx'

/*
 * The pieces the request forms share: the wizard's details step and the workload portals' own forms
 * (Microsoft 365 admin center, Azure support). Each form keeps its own data-testids and texts.
 */

/**
 * A form's submission: whether it was attempted (so the validation messages show), whether it is under
 * way, and what the server refused or failed with. Server messages are in the language they were asked
 * in; they are dropped when the language changes rather than mix languages.
 */
export function useSubmission(language: string) {
  const [attempted, setAttempted] = useState(false)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const { busy: submitting, error, setError, run } = useApiAction({ staysBusyOnSuccess: true })

  useEffect(() => {
    setError(null)
    setRefusal(null)
  }, [language, setError])

  /** Marks the attempt and, when `ready`, sends: a refusal (as `refusalOf` reads it) or an error ends it. */
  async function attempt(
    ready: boolean,
    send: () => Promise<void>,
    refusalOf: (caught: unknown) => Refusal | null = refusalFromError,
  ) {
    setAttempted(true)
    if (!ready) return
    setRefusal(null)
    await run(async () => {
      try {
        await send()
      } catch (caught) {
        setRefusal(refusalOf(caught))
        throw caught
      }
    })
  }

  // a refusal shows in its own box, not again as an error
  return { attempted, submitting, error: refusal ? null : error, refusal, attempt }
}

/** A line of explanation with an icon in front. */
export function FormNote({
  icon: Icon,
  className,
  testId,
  children,
}: {
  icon: typeof InfoRegular
  className?: string
  testId: string
  children: ReactNode
}) {
  const form = useFormStyles()
  return (
    <Text className={className ?? form.note} data-testid={testId}>
      <Icon className={form.noteIcon} aria-hidden />
      {children}
    </Text>
  )
}

/** R4: "File anyway, linked to it" — the line that says which incident the request will be linked to. */
export function LinkedIncidentNote({
  className,
  testId,
  children,
}: {
  className?: string
  testId: string
  children: ReactNode
}) {
  return (
    <FormNote icon={LinkRegular} className={className} testId={testId}>
      {children}
    </FormNote>
  )
}

/** Whether a support topic must still be chosen: only when the workload has any. */
export function topicMissing(topics: SupportTopic[] | null | undefined, topicId: string): boolean {
  const all = topics ?? []
  return all.length > 0 && !all.some((topic) => topic.id === topicId)
}

/** R9: the support topic, the less common ones behind "More…". */
export function TopicField({
  topics,
  value,
  onChange,
  label,
  showError,
  className,
  moreClassName,
  moreLabel,
  fewerLabel,
  testIds,
}: {
  topics: ApiResource<SupportTopic[]>
  value: string
  onChange: (topicId: string) => void
  label: string
  showError: boolean
  className: string
  moreClassName: string
  moreLabel: (hidden: number) => string
  fewerLabel: string
  testIds: { group: string; option: string; more: string }
}) {
  const { t } = useTranslation()
  const [showAll, setShowAll] = useState(false)
  const all = topics.data ?? []
  const chosen = all.find((topic) => topic.id === value)
  const visible = all.filter((topic) => topic.common || showAll || topic.id === chosen?.id)
  const hidden = all.filter((topic) => !topic.common).length
  return (
    <>
      <Field
        label={label}
        required={all.length > 0}
        validationMessage={
          showError && topicMissing(topics.data, value) ? t('form.topicRequired') : undefined
        }
      >
        {topics.error ? (
          <ErrorMessage error={topics.error} onRetry={topics.reload} />
        ) : !topics.data ? (
          <Spinner size="tiny" />
        ) : (
          <RadioGroup
            className={className}
            value={value}
            onChange={(_event, data) => onChange(data.value)}
            data-testid={testIds.group}
          >
            {visible.map((topic) => (
              <Radio
                key={topic.id}
                value={topic.id}
                label={topic.name}
                data-testid={testIds.option}
                data-topic-id={topic.id}
                data-common={topic.common}
              />
            ))}
          </RadioGroup>
        )}
      </Field>
      {hidden > 0 && (
        <Link
          as="button"
          type="button"
          className={moreClassName}
          onClick={() => setShowAll((shown) => !shown)}
          aria-expanded={showAll}
          data-testid={testIds.more}
        >
          {showAll ? fewerLabel : moreLabel(hidden)}
        </Link>
      )}
    </>
  )
}

/** The request's title (one line); labels default to the wizard's. */
export function TitleField({
  value,
  onChange,
  showError,
  testId,
  className,
  label,
  placeholder,
  requiredMessage,
}: {
  value: string
  onChange: (title: string) => void
  showError: boolean
  testId: string
  className?: string
  label?: string
  placeholder?: string
  requiredMessage?: string
}) {
  const { t } = useTranslation()
  return (
    <Field
      className={className}
      label={label ?? t('form.title')}
      required
      validationMessage={
        showError && value.trim() === '' ? (requiredMessage ?? t('form.titleRequired')) : undefined
      }
    >
      <Input
        value={value}
        maxLength={200}
        onChange={(_event, data) => onChange(data.value)}
        placeholder={placeholder ?? t('form.titlePlaceholder')}
        data-testid={testId}
      />
    </Field>
  )
}

/** The request's description; labels default to the wizard's. */
export function DescriptionField({
  value,
  onChange,
  showError,
  testId,
  maxLength = 20000,
  label,
  hint,
  requiredMessage,
}: {
  value: string
  onChange: (description: string) => void
  showError: boolean
  testId: string
  maxLength?: number
  label?: string
  hint?: string
  requiredMessage?: string
}) {
  const { t } = useTranslation()
  return (
    <Field
      label={label ?? t('form.description')}
      required
      hint={hint ?? t('form.descriptionHint')}
      validationMessage={
        showError && value.trim() === '' ? (requiredMessage ?? t('form.descriptionRequired')) : undefined
      }
    >
      <Textarea
        value={value}
        rows={6}
        resize="vertical"
        maxLength={maxLength}
        onChange={(_event, data) => onChange(data.value)}
        data-testid={testId}
      />
    </Field>
  )
}

interface ContactViewer {
  name: string
  email: string
  phone: string | null
  tenantName: string
}

/** The contact's phone (prefilled from the profile) and preferred language, as a request sends them. */
export function useRequestContact(viewer: ContactViewer) {
  const [phone, setPhone] = useState(viewer.phone ?? '')
  const [language, setLanguage] = useState<Language>(currentLanguage())
  const contact: NewRequest['contact'] = {
    preferredLanguage: language,
    ...(phone.trim() ? { phone: phone.trim() } : {}),
  }
  return { phone, setPhone, language, setLanguage, contact }
}

/**
 * "Contact details": the signed-in user's name and e-mail (on a customer's behalf, the partner's —
 * never the customer's), their phone and preferred language. `prefix` goes before every id and test id.
 */
export function RequestContactSection({
  prefix,
  viewer,
  note,
  contact,
  valueClassName,
}: {
  prefix: string
  viewer: ContactViewer
  note: string
  contact: ReturnType<typeof useRequestContact>
  valueClassName: string
}) {
  const { t } = useTranslation()
  const form = useFormStyles()
  return (
    <section className={form.section} aria-labelledby={`${prefix}contact-title`}>
      <Subtitle2 as="h2" id={`${prefix}contact-title`}>
        {t('form.contactTitle')}
      </Subtitle2>
      <FormNote icon={InfoRegular} testId={`${prefix}contact-note`}>
        {note}
      </FormNote>
      <dl className={form.summary}>
        <div className={form.pair}>
          <dt className={form.term}>{t('form.contactName')}</dt>
          <dd className={valueClassName} data-testid={`${prefix}contact-name`}>
            {viewer.name} <span className={form.secondary}>({viewer.tenantName})</span>
          </dd>
        </div>
        <div className={form.pair}>
          <dt className={form.term}>{t('form.contactEmail')}</dt>
          <dd className={valueClassName} data-testid={`${prefix}contact-email`}>
            {viewer.email}
          </dd>
        </div>
      </dl>
      <div className={form.row}>
        <Field label={t('form.contactPhone')} hint={viewer.phone ? undefined : t('form.contactPhoneHint')}>
          <Input
            value={contact.phone}
            type="tel"
            maxLength={40}
            autoComplete="tel"
            onChange={(_event, data) => contact.setPhone(data.value)}
            data-testid={`${prefix}contact-phone`}
          />
        </Field>
        <Field label={t('form.preferredLanguage')}>
          <Select
            value={contact.language}
            onChange={(_event, data) => contact.setLanguage(data.value as Language)}
            data-testid={`${prefix}contact-language`}
          >
            <option value="it">{t('language.it')}</option>
            <option value="en">{t('language.en')}</option>
          </Select>
        </Field>
      </div>
    </section>
  )
}

/**
 * The end of a request form: what the server refused or failed with, then the submit button (with a
 * spinner while sending) and, after a failed attempt, "fix the errors".
 */
export function SubmitActions({
  submission,
  blocked,
  invalid,
  label,
  busyLabel,
  fixErrors,
  testId,
  refusalTestId,
  status,
  children,
}: {
  submission: ReturnType<typeof useSubmission>
  blocked: boolean
  invalid: boolean
  label: string
  busyLabel: string
  fixErrors: string
  testId: string
  refusalTestId: string
  /** Shown between the errors and the buttons (Azure's "creating…"). */
  status?: ReactNode
  /** Shown before the submit button (the wizard's "Back"). */
  children?: ReactNode
}) {
  const form = useFormStyles()
  const { submitting } = submission
  return (
    <>
      {submission.refusal && <RefusalBox refusal={submission.refusal} testId={refusalTestId} />}
      {submission.error && <ErrorMessage error={submission.error} />}
      {status}
      <div className={form.actions}>
        {children}
        <Button
          type="submit"
          appearance="primary"
          disabled={submitting || blocked}
          icon={submitting ? <Spinner size="tiny" /> : undefined}
          data-testid={testId}
        >
          {submitting ? busyLabel : label}
        </Button>
        {submission.attempted && invalid && (
          <Caption1 className={form.secondary} role="alert">
            {fixErrors}
          </Caption1>
        )}
      </div>
    </>
  )
}
