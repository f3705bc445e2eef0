import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useParams } from 'react-router'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink, useRouterLinkProps } from '../../../shared/ui/RouterLink.tsx'
import { getPartner, partnerHref, setPartnerStatus, updatePartner, type Partner } from '../api.ts'
import { useVendorAdminT } from '../t.ts'
import { StatusBadge } from './PartnersPage.tsx'

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL, maxWidth: '720px' },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalM,
  },
  note: { marginBottom: tokens.spacingVerticalM },
  intro: { display: 'block', color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  title: { display: 'block' },
  badge: { marginTop: tokens.spacingVerticalXS },
})

function PartnersBreadcrumb({ current }: { current?: string }) {
  const t = useVendorAdminT()
  const back = useRouterLinkProps('/vendor/partners')
  return (
    <Breadcrumb size="small" aria-label={t('partner.back')}>
      <BreadcrumbItem>
        <BreadcrumbButton {...back}>{t('partner.back')}</BreadcrumbButton>
      </BreadcrumbItem>
      {current && (
        <>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{current}</BreadcrumbButton>
          </BreadcrumbItem>
        </>
      )}
    </Breadcrumb>
  )
}

/** One partner: its details, its support contact (editable), suspension with its effect explained. */
export function PartnerPage() {
  const t = useVendorAdminT()
  const styles = useStyles()
  const { tenantId = '' } = useParams()
  const partner = useApiResource((signal) => getPartner(tenantId, signal), [tenantId])
  const [shown, setShown] = useState<Partner | null>(null)
  useEffect(() => setShown(partner.data ?? null), [partner.data])
  useDocumentTitle(shown?.name ?? t('partners.title'))

  if (partner.error) {
    return (
      <>
        <PartnersBreadcrumb />
        {partner.error.status === 404 ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t('partner.notFound')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorMessage error={partner.error} onRetry={partner.reload} />
        )}
      </>
    )
  }
  if (!shown) return <LoadingState label={t('common.loading')} />

  return (
    <article data-testid="partner-details" data-tenant-id={shown.tenantId}>
      <PageHeader
        title={shown.name}
        above={<PartnersBreadcrumb current={shown.name} />}
        below={
          <div className={styles.badge}>
            <StatusBadge status={shown.status} />
          </div>
        }
        actions={<SuspendButton partner={shown} onChanged={setShown} />}
      />
      {shown.status === 'suspended' && (
        <MessageBar intent="warning" className={styles.note} data-testid="partner-suspended-note">
          <MessageBarBody>{t('partner.suspendedNote')}</MessageBarBody>
        </MessageBar>
      )}
      <PartnerFacts partner={shown} />
      <SupportContact partner={shown} onSaved={setShown} />
    </article>
  )
}

function PartnerFacts({ partner }: { partner: Partner }) {
  const t = useVendorAdminT()
  const styles = useStyles()
  const format = useFormat()
  const links = (refs: Partner['providers']) =>
    refs.length === 0
      ? t('common.none')
      : refs.map((r, i) => (
          <span key={r.tenantId}>
            {i > 0 && ', '}
            <RouterLink to={partnerHref(r.tenantId)}>{r.name}</RouterLink>
          </span>
        ))
  const facts: [string, ReactNode][] = [
    [t('partner.type'), t(`type.${partner.type}`)],
    [t('partner.mpn'), partner.mpnId],
    [t('partner.domain'), partner.domain],
    [t('partner.locale'), format.locale(partner.locale)],
    [t('partner.country'), format.country(partner.country)],
    [t('partner.users'), String(partner.userCount)],
    [t('partner.createdAt'), format.date(partner.createdAt)],
  ]
  if (partner.type === 'indirect_reseller') facts.push([t('partner.providers'), links(partner.providers)])
  if (partner.type === 'indirect_provider') facts.push([t('partner.resellers'), links(partner.resellers)])
  if (partner.suspendedAt) facts.push([t('status.suspended'), format.dateTime(partner.suspendedAt)])
  return (
    <section aria-label={t('partner.facts')}>
      <dl className={styles.list} data-testid="partner-facts">
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function SupportContact({ partner, onSaved }: { partner: Partner; onSaved: (p: Partner) => void }) {
  const t = useVendorAdminT()
  const styles = useStyles()
  const initial = {
    supportEmail: partner.supportEmail ?? '',
    supportPhone: partner.supportPhone ?? '',
    supportWebsite: partner.supportWebsite ?? '',
  }
  const [form, setForm] = useState(initial)
  const { busy, error, run } = useApiAction()
  const [saved, setSaved] = useState(false)
  const set = (key: keyof typeof initial) => (_e: unknown, data: { value: string }) => {
    setSaved(false)
    setForm((f) => ({ ...f, [key]: data.value }))
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      const blank = (v: string) => (v.trim() ? v.trim() : null)
      onSaved(
        await updatePartner(partner.tenantId, {
          supportEmail: blank(form.supportEmail),
          supportPhone: blank(form.supportPhone),
          supportWebsite: blank(form.supportWebsite),
        }),
      )
      setSaved(true)
    })
  }
  return (
    <section className={styles.section} aria-labelledby="support-contact-title">
      <Subtitle1 as="h2" id="support-contact-title" className={styles.title}>
        {t('partner.supportTitle')}
      </Subtitle1>
      <Text as="p" className={styles.intro}>
        {t('partner.supportIntro')}
      </Text>
      <form className={styles.form} onSubmit={(e) => void submit(e)} data-testid="partner-support-form">
        <Field label={t('partner.supportEmail')}>
          <Input name="supportEmail" type="email" value={form.supportEmail} onChange={set('supportEmail')} />
        </Field>
        <Field label={t('partner.supportPhone')}>
          <Input name="supportPhone" value={form.supportPhone} onChange={set('supportPhone')} />
        </Field>
        <Field label={t('partner.supportWebsite')}>
          <Input name="supportWebsite" value={form.supportWebsite} onChange={set('supportWebsite')} />
        </Field>
        {error && <ErrorMessage error={error} />}
        {saved && (
          <MessageBar intent="success" data-testid="partner-support-saved">
            <MessageBarBody>{t('partner.saved')}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={busy} data-testid="partner-support-save">
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}

function SuspendButton({ partner, onChanged }: { partner: Partner; onChanged: (p: Partner) => void }) {
  const t = useVendorAdminT()
  const [open, setOpen] = useState(false)
  const suspending = partner.status === 'active'
  return (
    <>
      <Button
        appearance={suspending ? 'secondary' : 'primary'}
        onClick={() => setOpen(true)}
        data-testid={suspending ? 'partner-suspend' : 'partner-reactivate'}
      >
        {suspending ? t('partner.suspend') : t('partner.reactivate')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(suspending ? 'partner.suspendTitle' : 'partner.reactivateTitle', { name: partner.name })}
        body={t(suspending ? 'partner.suspendBody' : 'partner.reactivateBody')}
        confirmLabel={suspending ? t('partner.suspend') : t('partner.reactivate')}
        cancelLabel={t('common.cancel')}
        testId="partner-status-confirm"
        dialogTestId="partner-status-dialog"
        closeOnSuccess
        onConfirm={async () =>
          onChanged(await setPartnerStatus(partner.tenantId, suspending ? 'suspend' : 'reactivate'))
        }
        onClose={() => setOpen(false)}
      />
    </>
  )
}
