import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  createCustomer,
  CUSTOMER_LANGUAGES,
  partnerLinks,
  type CreatedCustomer,
  type NewCustomer,
} from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
  credentials: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
})

const EMPTY = {
  companyName: '',
  domain: '',
  country: 'IT',
  locale: 'it-IT' as NewCustomer['locale'],
  adminFirstName: '',
  adminLastName: '',
  email: '',
  addressLine1: '',
  city: '',
  postalCode: '',
  associatedPartnerId: '',
}

/**
 * Add a customer: its tenant and first administrator. The administrator's password is shown once,
 * copyable; only its hash is kept. An indirect provider picks the reseller it creates it for.
 */
export function AddCustomerDialog({
  open,
  forReseller,
  customerHref,
  onClose,
  onCreated,
}: {
  open: boolean
  /** An indirect provider creates customers for one of its resellers. */
  forReseller: boolean
  customerHref: (tenantId: string) => string
  onClose: () => void
  onCreated: () => void
}) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const [form, setForm] = useState(EMPTY)
  const { busy, error, setError, run } = useApiAction()
  const [created, setCreated] = useState<CreatedCustomer | null>(null)
  const resellers = useApiResource(
    (signal) => (forReseller && open ? partnerLinks(signal) : Promise.resolve([])),
    [forReseller, open],
  )
  const set = (key: keyof typeof EMPTY) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }))

  const close = () => {
    setForm(EMPTY)
    setCreated(null)
    setError(null)
    onClose()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { postalCode, associatedPartnerId, ...rest } = form
    const reseller = associatedPartnerId || (forReseller ? resellers.data?.[0]?.tenantId : undefined)
    await run(async () => {
      setCreated(
        await createCustomer({
          ...rest,
          companyName: rest.companyName.trim(),
          domain: rest.domain.trim(),
          country: rest.country.trim(),
          email: rest.email.trim(),
          ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}),
          ...(reseller ? { associatedPartnerId: reseller } : {}),
        }),
      )
      onCreated()
    })
  }

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && !busy && close()}>
      <DialogSurface data-testid="customer-add-dialog">
        {created ? (
          <DialogBody>
            <DialogTitle>{t('add.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <MessageBar intent="success" data-testid="customer-created">
                <MessageBarBody>{t('add.created', { name: created.displayName })}</MessageBarBody>
              </MessageBar>
              <MessageBar intent="warning">
                <MessageBarBody>{t('add.credentialsOnce')}</MessageBarBody>
              </MessageBar>
              <div className={styles.credentials} data-testid="customer-credentials">
                <Text weight="semibold">{t('add.userName')}</Text>
                <CopyableText
                  value={created.credentials.userName}
                  copyLabel={t('add.copyUserName')}
                  testId="customer-credentials-user"
                />
                <Text weight="semibold">{t('add.password')}</Text>
                <CopyableText
                  value={created.credentials.password}
                  copyLabel={t('add.copyPassword')}
                  testId="customer-credentials-password"
                />
              </div>
              <RouterLink to={customerHref(created.tenantId)} data-testid="customer-created-open">
                {t('add.openCustomer')}
              </RouterLink>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={close}>
                {t('common.close')}
              </Button>
            </DialogActions>
          </DialogBody>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <DialogBody>
              <DialogTitle>{t('add.title')}</DialogTitle>
              <DialogContent className={styles.form}>
                <Text>{t('add.intro')}</Text>
                {forReseller && (
                  <Field label={t('add.reseller')} hint={t('add.resellerHint')} required>
                    <Select
                      name="associatedPartnerId"
                      value={form.associatedPartnerId || resellers.data?.[0]?.tenantId || ''}
                      onChange={set('associatedPartnerId')}
                    >
                      {(resellers.data ?? []).map((r) => (
                        <option key={r.tenantId} value={r.tenantId}>
                          {r.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
                <Field label={t('add.companyName')} required>
                  <Input name="companyName" value={form.companyName} onChange={set('companyName')} />
                </Field>
                <Field label={t('add.domain')} hint={t('add.domainHint')} required>
                  <Input name="domain" value={form.domain} onChange={set('domain')} />
                </Field>
                <div className={styles.row}>
                  <Field className={styles.grow} label={t('add.country')} required>
                    <Input name="country" value={form.country} onChange={set('country')} maxLength={2} />
                  </Field>
                  <Field className={styles.grow} label={t('add.locale')} required>
                    <Select name="locale" value={form.locale} onChange={set('locale')}>
                      {CUSTOMER_LANGUAGES.map((l) => (
                        <option key={l} value={l}>
                          {l}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <div className={styles.row}>
                  <Field className={styles.grow} label={t('add.adminFirstName')} required>
                    <Input
                      name="adminFirstName"
                      value={form.adminFirstName}
                      onChange={set('adminFirstName')}
                    />
                  </Field>
                  <Field className={styles.grow} label={t('add.adminLastName')} required>
                    <Input name="adminLastName" value={form.adminLastName} onChange={set('adminLastName')} />
                  </Field>
                </div>
                <Field label={t('add.email')} required>
                  <Input name="email" type="email" value={form.email} onChange={set('email')} />
                </Field>
                <Field label={t('add.addressLine1')} required>
                  <Input name="addressLine1" value={form.addressLine1} onChange={set('addressLine1')} />
                </Field>
                <div className={styles.row}>
                  <Field className={styles.grow} label={t('add.city')} required>
                    <Input name="city" value={form.city} onChange={set('city')} />
                  </Field>
                  <Field className={styles.grow} label={t('add.postalCode')}>
                    <Input name="postalCode" value={form.postalCode} onChange={set('postalCode')} />
                  </Field>
                </div>
                {error && <ErrorMessage error={error} />}
              </DialogContent>
              <DialogFormActions
                cancelLabel={t('common.cancel')}
                submitLabel={t('add.submit')}
                busy={busy}
                submitTestId="customer-add-submit"
                onCancel={close}
              />
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  )
}
