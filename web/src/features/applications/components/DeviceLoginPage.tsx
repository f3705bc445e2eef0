import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState } from 'react'
import { useAppsTranslation } from '../translation.ts'
import { useSearchParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { answerDeviceCode, describeDeviceCode, type DeviceCodeView } from '../api.ts'

const useStyles = makeStyles({
  card: {
    maxWidth: '520px',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
})

/**
 * /devicelogin: the signed-in person enters the code a script or CLI shows (the device code flow),
 * sees which application asks for what, and allows or denies it.
 */
export function DeviceLoginPage() {
  const { t } = useAppsTranslation()
  const styles = useStyles()
  useDocumentTitle(t('device.title'))
  const [params] = useSearchParams()
  const [code, setCode] = useState(params.get('code') ?? '')
  const [view, setView] = useState<DeviceCodeView | null>(null)
  const [done, setDone] = useState<'approved' | 'declined' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(step: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await step()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card className={styles.card}>
      <Title2 as="h1">{t('device.title')}</Title2>
      {done === 'approved' && view && (
        <MessageBar intent="success" data-testid="device-approved">
          <MessageBarBody>{t('device.approved', { app: view.application.displayName })}</MessageBarBody>
        </MessageBar>
      )}
      {done === 'declined' && (
        <MessageBar intent="info" data-testid="device-declined">
          <MessageBarBody>{t('device.declined')}</MessageBarBody>
        </MessageBar>
      )}
      {!done && !view && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void run(async () => setView(await describeDeviceCode(code.trim())))
          }}
        >
          <Text as="p" block>
            {t('device.intro')}
          </Text>
          <Field label={t('device.code')}>
            <Input name="userCode" value={code} onChange={(_e, d) => setCode(d.value)} autoFocus />
          </Field>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy || code.trim().length < 4}
            data-testid="device-next"
          >
            {t('device.next')}
          </Button>
        </form>
      )}
      {!done && view && (
        <>
          <Text data-testid="device-ask">
            {t('device.ask', { app: view.application.displayName, tenant: view.application.tenantName })}
          </Text>
          <Text>{t('device.scope', { scope: view.scope })}</Text>
          {view.tenant && <Text>{t('device.tenant', { tenant: view.tenant.name })}</Text>}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy}
              data-testid="device-approve"
              onClick={() =>
                void run(async () => (await answerDeviceCode(view.userCode, 'approve'), setDone('approved')))
              }
            >
              {t('device.approve')}
            </Button>
            <Button
              disabled={busy}
              data-testid="device-decline"
              onClick={() =>
                void run(async () => (await answerDeviceCode(view.userCode, 'decline'), setDone('declined')))
              }
            >
              {t('device.decline')}
            </Button>
          </div>
        </>
      )}
      {error && (
        <MessageBar intent="error" data-testid="device-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  )
}
