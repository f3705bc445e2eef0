import {
  Button,
  Checkbox,
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
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  createPartner,
  LOCALES,
  partnerHref,
  PARTNER_TYPES,
  type Partner,
  type PartnerCreated,
  type PartnerType,
} from '../api.ts'
import { useVendorAdminT } from '../t.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '180px' },
  link: { wordBreak: 'break-all' },
})

const empty = {
  name: '',
  type: 'direct' as PartnerType,
  domain: '',
  mpnId: '',
  locale: 'it-IT',
  adminEmail: '',
}

/** Add a partner: its type (and providers for a reseller), domain, first administrator; then the invitation link. */
export function NewPartnerDialog({
  open,
  providers,
  onClose,
  onCreated,
}: {
  open: boolean
  providers: Partner[]
  onClose: () => void
  onCreated: () => void
}) {
  const t = useVendorAdminT()
  const styles = useStyles()
  const [form, setForm] = useState(empty)
  const [providerIds, setProviderIds] = useState<string[]>([])
  const { busy, error, setError, run } = useApiAction()
  const [created, setCreated] = useState<PartnerCreated | null>(null)
  const set = (key: keyof typeof empty) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }))

  const close = () => {
    setForm(empty)
    setProviderIds([])
    setError(null)
    setCreated(null)
    onClose()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      const answer = await createPartner({
        name: form.name.trim(),
        type: form.type,
        domain: form.domain.trim(),
        adminEmail: form.adminEmail.trim(),
        locale: form.locale,
        ...(form.mpnId.trim() ? { mpnId: form.mpnId.trim() } : {}),
        ...(form.type === 'indirect_reseller' ? { providerTenantIds: providerIds } : {}),
      })
      setCreated(answer)
      onCreated()
    })
  }

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && !busy && close()}>
      <DialogSurface data-testid="partner-create-dialog">
        {created ? (
          <DialogBody>
            <DialogTitle>{t('create.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <MessageBar intent="success" data-testid="partner-created">
                <MessageBarBody>{t('create.created', { name: created.partner.name })}</MessageBarBody>
              </MessageBar>
              <Field label={t('create.invitationLink')}>
                <span className={styles.link}>
                  <CopyableText
                    value={created.adminInvitationUrl}
                    copyLabel={t('create.copyLink')}
                    testId="partner-invitation-url"
                  />
                </span>
              </Field>
              <RouterLink to={partnerHref(created.partner.tenantId)}>{t('create.openPartner')}</RouterLink>
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
              <DialogTitle>{t('create.title')}</DialogTitle>
              <DialogContent className={styles.form}>
                <Field label={t('create.name')} required>
                  <Input name="name" value={form.name} onChange={set('name')} />
                </Field>
                <Field label={t('create.type')} required>
                  <Select name="type" value={form.type} onChange={set('type')}>
                    {PARTNER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`type.${type}`)}
                      </option>
                    ))}
                  </Select>
                </Field>
                {form.type === 'indirect_reseller' && (
                  <Field label={t('create.providers')} hint={t('create.providersHint')} required>
                    {providers.length === 0 && <span>{t('create.noProviders')}</span>}
                    {providers.map((p) => (
                      <Checkbox
                        key={p.tenantId}
                        label={p.name}
                        data-testid="partner-provider"
                        checked={providerIds.includes(p.tenantId)}
                        onChange={(_e, data) =>
                          setProviderIds((ids) =>
                            data.checked ? [...ids, p.tenantId] : ids.filter((id) => id !== p.tenantId),
                          )
                        }
                      />
                    ))}
                  </Field>
                )}
                <div className={styles.row}>
                  <Field
                    className={styles.grow}
                    label={t('create.domain')}
                    hint={t('create.domainHint')}
                    required
                  >
                    <Input name="domain" value={form.domain} onChange={set('domain')} />
                  </Field>
                  <Field className={styles.grow} label={t('create.mpn')} hint={t('create.mpnHint')}>
                    <Input name="mpnId" value={form.mpnId} onChange={set('mpnId')} inputMode="numeric" />
                  </Field>
                </div>
                <Field label={t('create.locale')}>
                  <Select name="locale" value={form.locale} onChange={set('locale')}>
                    {LOCALES.map((l) => (
                      <option key={l} value={l}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t('create.adminEmail')} hint={t('create.adminEmailHint')} required>
                  <Input
                    name="adminEmail"
                    type="email"
                    value={form.adminEmail}
                    onChange={set('adminEmail')}
                  />
                </Field>
                {error && <ErrorMessage error={error} />}
              </DialogContent>
              <DialogFormActions
                cancelLabel={t('common.cancel')}
                submitLabel={t('create.submit')}
                busy={busy}
                submitTestId="partner-create-submit"
                onCancel={close}
              />
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  )
}
