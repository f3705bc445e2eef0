import {
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { InfoRegular } from '@fluentui/react-icons'
import { useMemo } from 'react'
import { useFormat } from '../../../../shared/i18n/format.ts'
import type { ContactDetails } from '../../api/arm.ts'
import type { PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { COUNTRIES, SUPPORT_LANGUAGES, timeZones } from './contact.ts'
import { useFormStyles } from '../form-styles.ts'

const useStyles = makeStyles({
  note: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  noteIcon: { flexShrink: 0, marginTop: '2px' },
  methods: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap' },
})

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

  return (
    <section className={form.section} aria-labelledby="azure-contact-title" data-testid="azure-contact">
      <Subtitle2 as="h2" id="azure-contact-title">
        {t('azure.contact.title')}
      </Subtitle2>
      <Text className={styles.note} data-testid="azure-contact-note">
        <InfoRegular className={styles.noteIcon} aria-hidden />
        {note}
      </Text>
      <div className={form.row}>
        <Field
          label={t('azure.contact.firstName')}
          required
          validationMessage={errors.firstName ? t('common.required') : undefined}
        >
          <Input
            value={value.firstName}
            maxLength={100}
            autoComplete="given-name"
            onChange={(_event, data) => set('firstName', data.value)}
            data-testid="azure-contact-first-name"
          />
        </Field>
        <Field
          label={t('azure.contact.lastName')}
          required
          validationMessage={errors.lastName ? t('common.required') : undefined}
        >
          <Input
            value={value.lastName}
            maxLength={100}
            autoComplete="family-name"
            onChange={(_event, data) => set('lastName', data.value)}
            data-testid="azure-contact-last-name"
          />
        </Field>
        <Field
          label={t('azure.contact.email')}
          required
          validationMessage={errors.email ? t('azure.contact.emailInvalid') : undefined}
        >
          <Input
            type="email"
            value={value.primaryEmailAddress}
            maxLength={320}
            autoComplete="email"
            onChange={(_event, data) => set('primaryEmailAddress', data.value)}
            data-testid="azure-contact-email"
          />
        </Field>
        <Field
          label={t('azure.contact.phone')}
          required={value.preferredContactMethod === 'phone'}
          validationMessage={errors.phone ? t('azure.contact.phoneRequired') : undefined}
        >
          <Input
            type="tel"
            value={value.phoneNumber ?? ''}
            maxLength={40}
            autoComplete="tel"
            onChange={(_event, data) => set('phoneNumber', data.value)}
            data-testid="azure-contact-phone"
          />
        </Field>
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
        <Field label={t('azure.contact.timeZone')}>
          <Select
            value={value.preferredTimeZone}
            onChange={(_event, data) => set('preferredTimeZone', data.value)}
            data-testid="azure-contact-time-zone"
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('azure.contact.country')}>
          <Select
            value={value.country}
            onChange={(_event, data) => set('country', data.value)}
            data-testid="azure-contact-country"
          >
            {countries.map((c) => (
              <option key={c.alpha3} value={c.alpha3}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('azure.contact.language')}>
          <Select
            value={value.preferredSupportLanguage}
            onChange={(_event, data) => set('preferredSupportLanguage', data.value)}
            data-testid="azure-contact-language"
          >
            {SUPPORT_LANGUAGES.map((tag) => (
              <option key={tag} value={tag}>
                {format.locale(tag)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </section>
  )
}
