import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState } from 'react'
import { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { useCustomerAdminT } from '../t.ts'
import { acceptInvitation, type Invitation, type InvitationLink, readInvitation } from '../api.ts'

const useStyles = makeStyles({
  card: { maxWidth: '640px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
})

/** A customer's global administrator opens a partner's reseller relationship link and accepts it. */
export function PartnerInvitationPage({ link }: { link: InvitationLink | null }) {
  const t = useCustomerAdminT()
  useDocumentTitle(t('invitation.title'))
  return (
    <>
      <PageHeader title={t('invitation.title')} />
      {link ? (
        <InvitationCard link={link} />
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>{t('invitation.missing')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

function InvitationCard({ link }: { link: InvitationLink }) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const invitation = useApiResource(
    (signal) => readInvitation(link, signal),
    [link.partnerId, link.indirectProviderId],
  )
  const [accepted, setAccepted] = useState<Invitation | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  if (invitation.error) return <ErrorMessage error={invitation.error} />
  if (!invitation.data) return <LoadingState label={t('invitation.title')} />
  const view = accepted ?? invitation.data
  const partner = view.partner.displayName
  const accept = async () => {
    setBusy(true)
    setError(null)
    try {
      setAccepted(await acceptInvitation(link))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card className={styles.card} data-testid="partner-invitation">
      <Text weight="semibold" size={500}>
        {t('invitation.intro', {
          partner,
          role: t(view.relationship === 'advisor' ? 'invitation.roleAdvisor' : 'invitation.roleReseller'),
        })}
      </Text>
      {view.indirectProvider && (
        <Text>{t('invitation.through', { provider: view.indirectProvider.displayName })}</Text>
      )}
      <Text className={styles.muted}>{t('invitation.mpn', { mpn: view.partner.mpnId })}</Text>
      {accepted ? (
        <MessageBar intent="success" data-testid="invitation-accepted">
          <MessageBarBody>{t('invitation.accepted', { partner })}</MessageBarBody>
        </MessageBar>
      ) : view.alreadyAccepted ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('invitation.already', { partner })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>{t('invitation.explain', { partner })}</Text>
          {error !== null && <ErrorMessage error={error} />}
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void accept()}>
              {t('invitation.accept')}
            </Button>
          </div>
        </>
      )}
    </Card>
  )
}
