import { Field, Input, Radio, RadioGroup, Select, Subtitle2, makeStyles } from '@fluentui/react-components'
import { InfoRegular } from '@fluentui/react-icons'
import { useMemo } from 'react'
import { useFormat } from '../../../../shared/i18n/format.ts'
import type { ContactDetails } from '../../api/arm.ts'
import type { PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { COUNTRIES, SUPPORT_LANGUAGES, timeZones } from './contact.ts'
import { useFormStyles } from '../../../service-requests/components/form-styles.ts'
import { FormNote } from '../../../service-requests/components/request-form.tsx'

const useStyles = makeStyles({
  methods: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap' },
})

type TextKey = 'firstName' | 'lastName' | 'primaryEmailAddress' | 'phoneNumber'
type ChoiceKey = 'preferredTimeZone' | 'country' | 'preferredSupportLanguage'

export type ContactErrors = Partial<Record<'firstName' | 'lastName' | 'email' | 'phone', boolean>>

/** Azure's "Contact information": prefilled with the signed-in user; on a customer's behalf, the partner's (R7). */
export function AzureContactSection({
  context,
  viewer,
  value,
  onChange,
  errors,
}: {
  context: PortalContext
  viewer: PortalViewer
  value: ContactDetails
  onChange: (next: ContactDetails) => void
  errors: ContactErrors
}) {
  const t = usePortalsT()
  const format = useFormat()
  const styles = useStyles()
  const form = useFormStyles()
  const set = <K extends keyof ContactDetails>(key: K, next: ContactDetails[K]) =>
    onChange({ ...value, [key]: next })
  const zones = useMemo(() => timeZones(value.preferredTimeZone), [value.preferredTimeZone])
  const countries = Object.entries(COUNTRIES)
    .map(([alpha3, alpha2]) => ({ alpha3, name: format.country(alpha2) }))
    .sort((a, b) => a.name.localeCompare(b.name))

  const note =
    context.kind === 'delegated'
      ? t('azure.contact.notePartner', { partner: viewer.tenantName, customer: context.tenantName })
      : viewer.tenantKind === 'partner'
        ? t('azure.contact.noteOwnPartner', { tenant: viewer.tenantName })
        : t('azure.contact.noteOwn')

  const textField = (
    key: TextKey,
    label: string,
    input: {
      required: boolean
      error: string | undefined
      type?: 'email' | 'tel'
      maxLength: number
      autoComplete: string
      testId: string
    },
  ) => (
    <Field label={label} required={input.required} validationMessage={input.error}>
      <Input
        type={input.type}
        value={value[key] ?? ''}
        maxLength={input.maxLength}
        autoComplete={input.autoComplete}
        onChange={(_event, data) => set(key, data.value)}
        data-testid={input.testId}
      />
    </Field>
  )
  const choiceField = (
    key: ChoiceKey,
    label: string,
    options: { value: string; label: string }[],
    testId: string,
  ) => (
    <Field label={label}>
      <Select value={value[key]} onChange={(_event, data) => set(key, data.value)} data-testid={testId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  )

  return (
    <section className={form.section} aria-labelledby="azure-contact-title" data-testid="azure-contact">
      <Subtitle2 as="h2" id="azure-contact-title">
        {t('azure.contact.title')}
      </Subtitle2>
      <FormNote icon={InfoRegular} testId="azure-contact-note">
        {note}
      </FormNote>
      <div className={form.row}>
        {textField('firstName', t('azure.contact.firstName'), {
          required: true,
          error: errors.firstName ? t('common.required') : undefined,
          maxLength: 100,
          autoComplete: 'given-name',
          testId: 'azure-contact-first-name',
        })}
        {textField('lastName', t('azure.contact.lastName'), {
          required: true,
          error: errors.lastName ? t('common.required') : undefined,
          maxLength: 100,
          autoComplete: 'family-name',
          testId: 'azure-contact-last-name',
        })}
        {textField('primaryEmailAddress', t('azure.contact.email'), {
          required: true,
          error: errors.email ? t('azure.contact.emailInvalid') : undefined,
          type: 'email',
          maxLength: 320,
          autoComplete: 'email',
          testId: 'azure-contact-email',
        })}
        {textField('phoneNumber', t('azure.contact.phone'), {
          required: value.preferredContactMethod === 'phone',
          error: errors.phone ? t('azure.contact.phoneRequired') : undefined,
          type: 'tel',
          maxLength: 40,
          autoComplete: 'tel',
          testId: 'azure-contact-phone',
        })}
        <Field label={t('azure.contact.method')}>
          <RadioGroup
            className={styles.methods}
            value={value.preferredContactMethod}
            onChange={(_event, data) => set('preferredContactMethod', data.value as 'email' | 'phone')}
            data-testid="azure-contact-method"
          >
            <Radio value="email" label={t('azure.contact.methodEmail')} data-method="email" />
            <Radio value="phone" label={t('azure.contact.methodPhone')} data-method="phone" />
          </RadioGroup>
        </Field>
        {choiceField(
          'preferredTimeZone',
          t('azure.contact.timeZone'),
          zones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })),
          'azure-contact-time-zone',
        )}
        {choiceField(
          'country',
          t('azure.contact.country'),
          countries.map((c) => ({ value: c.alpha3, label: c.name })),
          'azure-contact-country',
        )}
        {choiceField(
          'preferredSupportLanguage',
          t('azure.contact.language'),
          SUPPORT_LANGUAGES.map((tag) => ({ value: tag, label: format.locale(tag) })),
          'azure-contact-language',
        )}
      </div>
    </section>
  )
}
