import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { startRegistration } from '@simplewebauthn/browser'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../shared/api/client.ts'
import { useDocumentTitle } from '../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../shared/i18n/format.ts'
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../shared/ui/PageHeader.tsx'
import { useSignedInUser } from '../auth/session.tsx'
import {
  addPasskey,
  confirmTotp,
  endSession,
  fetchMfa,
  fetchSessions,
  type MfaStatus,
  newRecoveryCodes,
  passkeyOptions,
  removeFactor,
  type SessionItem,
  startTotp,
} from './api.ts'
import { OrganizationSecurity } from './OrganizationSecurity.tsx'

export const useSecurityStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  card: { padding: tokens.spacingHorizontalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  qr: { width: '180px', height: '180px', backgroundColor: 'white' },
  codes: {
    fontFamily: tokens.fontFamilyMonospace,
    display: 'grid',
    gridTemplateColumns: 'repeat(2, max-content)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  secret: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
})

const errorText = (caught: unknown) => (caught instanceof ApiError ? caught.message : String(caught))

/** Security: my second factors and recovery codes, my sessions, and (administrators) the organization's settings. */
export function SecurityPage() {
  const { t } = useTranslation()
  const styles = useSecurityStyles()
  const user = useSignedInUser()
  const admin = user.roles.includes('global_admin') || user.roles.includes('admin_agent')
  useDocumentTitle(t('security.title'))
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <div className={styles.stack}>
        <SecondFactors />
        <Sessions />
        {admin && <OrganizationSecurity />}
      </div>
    </>
  )
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation()
  const styles = useSecurityStyles()
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="recovery-codes">
      <MessageBarBody>
        <Text block weight="semibold">
          {t('security.recoveryCodesShown')}
        </Text>
        <div className={styles.codes}>
          {codes.map((code) => (
            <span key={code} data-testid="recovery-code">
              {code}
            </span>
          ))}
        </div>
      </MessageBarBody>
    </MessageBar>
  )
}

function SecondFactors() {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useSecurityStyles()
  const [status, setStatus] = useState<MfaStatus | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [enrolment, setEnrolment] = useState<{ factorId: string; secret: string; qrSvg: string } | null>(null)
  const [label, setLabel] = useState('')
  const [code, setCode] = useState('')
  const [codes, setCodes] = useState<string[] | null>(null)

  const load = useCallback(() => {
    fetchMfa().then(setStatus, (e: unknown) =>
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e))),
    )
  }, [])
  useEffect(load, [load])

  const act = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
      load()
    } catch (caught) {
      setError(errorText(caught))
    }
  }

  if (loadError) return <ErrorMessage error={loadError} onRetry={load} />
  if (!status) return <LoadingState label={t('common.loading')} />
  return (
    <Card className={styles.card} data-testid="second-factors">
      <CardHeader header={<Title3 as="h2">{t('security.factorsTitle')}</Title3>} />
      <Text block className={styles.muted}>
        {status.tenantRequiresMfa ? t('security.tenantRequiresMfa') : t('security.factorsIntro')}
      </Text>
      {status.factors.length > 0 ? (
        <Table aria-label={t('security.factorsTitle')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('security.factor')}</TableHeaderCell>
              <TableHeaderCell>{t('security.added')}</TableHeaderCell>
              <TableHeaderCell>{t('security.lastUsed')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {status.factors.map((f) => (
              <TableRow key={f.id} data-testid="factor-row">
                <TableCell>
                  {f.label} <Badge appearance="tint">{t(`security.kind.${f.kind}`)}</Badge>
                </TableCell>
                <TableCell>{format.dateTime(f.createdAt)}</TableCell>
                <TableCell>{format.dateTime(f.lastUsedAt)}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => void act(() => removeFactor(f.id))}>
                    {t('security.remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text block>{t('security.noFactors')}</Text>
      )}
      {status.factors.length > 0 && (
        <div className={styles.row}>
          <Text>{t('security.recoveryCodesLeft', { count: status.recoveryCodesLeft })}</Text>
          <Button
            size="small"
            onClick={() => void act(async () => setCodes((await newRecoveryCodes()).recoveryCodes))}
          >
            {t('security.newRecoveryCodes')}
          </Button>
        </div>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {enrolment ? (
        <div className={styles.stack} data-testid="totp-enrolment">
          <Text block>{t('security.scan')}</Text>
          <div
            className={styles.qr}
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
            aria-label={t('security.qrLabel')}
            role="img"
          />
          <Text block>
            {t('security.orEnter')}{' '}
            <span className={styles.secret} data-testid="totp-secret">
              {enrolment.secret}
            </span>
          </Text>
          <div className={styles.row}>
            <Field label={t('security.codeFromApp')} required>
              <Input
                name="totp-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code}
                onChange={(_e, d) => setCode(d.value)}
              />
            </Field>
            <Button
              appearance="primary"
              data-testid="totp-confirm"
              onClick={() =>
                void act(async () => {
                  const answer = await confirmTotp(enrolment.factorId, code.trim())
                  setEnrolment(null)
                  setCode('')
                  if (answer.recoveryCodes) setCodes(answer.recoveryCodes)
                })
              }
            >
              {t('security.confirm')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.row}>
          <Field label={t('security.factorName')}>
            <Input
              name="factor-label"
              value={label}
              placeholder={t('security.factorNamePlaceholder')}
              onChange={(_e, d) => setLabel(d.value)}
            />
          </Field>
          <Button
            data-testid="add-totp"
            onClick={() =>
              void act(async () =>
                setEnrolment(await startTotp(label.trim() || t('security.defaultAppName'))),
              )
            }
          >
            {t('security.addApp')}
          </Button>
          <Button
            data-testid="add-passkey"
            onClick={() =>
              void act(async () => {
                const optionsJSON = (await passkeyOptions()) as Parameters<
                  typeof startRegistration
                >[0]['optionsJSON']
                const response = await startRegistration({ optionsJSON })
                const answer = await addPasskey(label.trim() || t('security.defaultPasskeyName'), response)
                if (answer.recoveryCodes) setCodes(answer.recoveryCodes)
              })
            }
          >
            {t('security.addPasskey')}
          </Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error" data-testid="security-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  )
}

function Sessions() {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useSecurityStyles()
  const [sessions, setSessions] = useState<SessionItem[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    fetchSessions().then(
      (r) => setSessions(r.value),
      (e: unknown) => setError(errorText(e)),
    )
  }, [])
  useEffect(load, [load])
  return (
    <Card className={styles.card} data-testid="sessions">
      <CardHeader header={<Title3 as="h2">{t('security.sessionsTitle')}</Title3>} />
      {!sessions ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <Table aria-label={t('security.sessionsTitle')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('security.device')}</TableHeaderCell>
              <TableHeaderCell>{t('security.signedInAt')}</TableHeaderCell>
              <TableHeaderCell>{t('security.lastSeen')}</TableHeaderCell>
              <TableHeaderCell>{t('security.how')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id} data-testid="session-row">
                <TableCell>
                  {describeAgent(s.userAgent) ?? t('common.none')} {s.ipAddress ? `· ${s.ipAddress}` : ''}{' '}
                  {s.current && <Badge appearance="filled">{t('security.thisSession')}</Badge>}
                </TableCell>
                <TableCell>{format.dateTime(s.createdAt)}</TableCell>
                <TableCell>{format.dateTime(s.lastSeenAt)}</TableCell>
                <TableCell>
                  {s.amr.map((m) => t(`security.amr.${m}`, { defaultValue: m })).join(', ')}
                </TableCell>
                <TableCell>
                  {!s.current && (
                    <Button
                      size="small"
                      onClick={() => void endSession(s.id).then(load, (e: unknown) => setError(errorText(e)))}
                    >
                      {t('security.endSession')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  )
}

/** "Chrome on Linux" from a user agent, roughly: enough to recognise one's own devices. */
function describeAgent(agent: string | null): string | null {
  if (!agent) return null
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS X/.test(agent)
      ? 'macOS'
      : /Android/.test(agent)
        ? 'Android'
        : /iPhone|iPad/.test(agent)
          ? 'iOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null
  if (!browser && !system) return agent.slice(0, 60)
  return [browser, system].filter(Boolean).join(' · ')
}
