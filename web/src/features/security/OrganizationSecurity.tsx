import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  Text,
  Title3,
} from '@fluentui/react-components'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../shared/api/client.ts'
import { CopyableText } from '../../shared/ui/CopyableText.tsx'
import { LoadingState } from '../../shared/ui/LoadingState.tsx'
import {
  fetchSecuritySettings,
  removeProvider,
  saveProvider,
  type SecuritySettings,
  updateSecuritySettings,
} from './api.ts'
import { useSecurityStyles } from './SecurityPage.tsx'

interface Mapping {
  claimValue: string
  groupId: string
}

/** The organization's security settings (global administrators and admin agents): MFA policy and single sign-on. */
export function OrganizationSecurity() {
  const { t } = useTranslation()
  const styles = useSecurityStyles()
  const [settings, setSettings] = useState<SecuritySettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [issuer, setIssuer] = useState('')
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [domains, setDomains] = useState('')
  const [groupsClaim, setGroupsClaim] = useState('groups')
  const [mappings, setMappings] = useState<Mapping[]>([])

  const show = useCallback((s: SecuritySettings) => {
    setSettings(s)
    const p = s.identityProvider
    setIssuer(p?.issuer ?? '')
    setClientId(p?.clientId ?? '')
    setClientSecret('')
    setDomains(p?.domains.join(', ') ?? '')
    setGroupsClaim(p?.groupsClaim ?? 'groups')
    setMappings(p?.groupMappings.map((m) => ({ claimValue: m.claimValue, groupId: m.groupId })) ?? [])
  }, [])
  useEffect(() => {
    fetchSecuritySettings().then(show, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : String(e)),
    )
  }, [show])

  const act = async (action: () => Promise<SecuritySettings | void>) => {
    setError(null)
    setSaved(false)
    try {
      const answer = await action()
      if (answer) show(answer)
      else show(await fetchSecuritySettings())
      setSaved(true)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    }
  }

  if (!settings) return error ? <Text>{error}</Text> : <LoadingState label={t('common.loading')} />
  const groupName = (id: string) => settings.groups.find((g) => g.id === id)?.name ?? ''
  return (
    <Card className={styles.card} data-testid="organization-security">
      <CardHeader header={<Title3 as="h2">{t('security.orgTitle')}</Title3>} />
      <Switch
        label={t('security.requireMfa')}
        checked={settings.requireMfa}
        data-testid="require-mfa"
        onChange={(_e, d) => void act(() => updateSecuritySettings({ requireMfa: d.checked }))}
      />
      <Text block className={styles.muted}>
        {t('security.requireMfaHelp')}
      </Text>
      <Title3 as="h3">{t('security.ssoTitle')}</Title3>
      <Text block className={styles.muted}>
        {t('security.ssoIntro')}
      </Text>
      <Field label={t('security.redirectUri')}>
        <CopyableText value={settings.redirectUri} copyLabel={t('common.copy')} testId="redirect-uri" />
      </Field>
      <Field label={t('security.issuer')} required hint={t('security.issuerHint')}>
        <Input name="issuer" value={issuer} onChange={(_e, d) => setIssuer(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('security.clientId')} required>
          <Input name="client-id" value={clientId} onChange={(_e, d) => setClientId(d.value)} />
        </Field>
        <Field
          label={t('security.clientSecret')}
          required={!settings.identityProvider}
          hint={settings.identityProvider ? t('security.secretKept') : undefined}
        >
          <Input
            name="client-secret"
            type="password"
            value={clientSecret}
            onChange={(_e, d) => setClientSecret(d.value)}
          />
        </Field>
      </div>
      <Field label={t('security.domains')} required hint={t('security.domainsHint')}>
        <Input name="domains" value={domains} onChange={(_e, d) => setDomains(d.value)} />
      </Field>
      <Switch
        label={t('security.jitUsers')}
        checked={settings.jitUsers}
        data-testid="jit-users"
        onChange={(_e, d) => void act(() => updateSecuritySettings({ jitUsers: d.checked }))}
      />
      <Field label={t('security.groupsClaim')}>
        <Input name="groups-claim" value={groupsClaim} onChange={(_e, d) => setGroupsClaim(d.value)} />
      </Field>
      {mappings.map((m, i) => (
        <div className={styles.row} key={i} data-testid="group-mapping">
          <Field label={t('security.claimValue')}>
            <Input
              value={m.claimValue}
              onChange={(_e, d) =>
                setMappings(mappings.map((x, j) => (j === i ? { ...x, claimValue: d.value } : x)))
              }
            />
          </Field>
          <Field label={t('security.group')}>
            <Dropdown
              value={groupName(m.groupId)}
              selectedOptions={[m.groupId]}
              onOptionSelect={(_e, d) =>
                setMappings(mappings.map((x, j) => (j === i ? { ...x, groupId: d.optionValue ?? '' } : x)))
              }
            >
              {settings.groups.map((g) => (
                <Option key={g.id} value={g.id}>
                  {g.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button onClick={() => setMappings(mappings.filter((_x, j) => j !== i))}>
            {t('security.remove')}
          </Button>
        </div>
      ))}
      <div className={styles.row}>
        <Button onClick={() => setMappings([...mappings, { claimValue: '', groupId: '' }])}>
          {t('security.addMapping')}
        </Button>
        <Button
          appearance="primary"
          data-testid="save-provider"
          onClick={() =>
            void act(() =>
              saveProvider({
                issuer: issuer.trim(),
                clientId: clientId.trim(),
                ...(clientSecret ? { clientSecret } : {}),
                domains: domains.split(/[\s,;]+/).filter(Boolean),
                groupsClaim: groupsClaim.trim() || null,
                groupMappings: mappings.filter((m) => m.claimValue.trim() && m.groupId),
              }),
            )
          }
        >
          {t('security.saveProvider')}
        </Button>
        {settings.identityProvider && (
          <Button onClick={() => void act(() => removeProvider())}>{t('security.removeProvider')}</Button>
        )}
      </div>
      {saved && !error && (
        <MessageBar intent="success" data-testid="security-saved">
          <MessageBarBody>{t('security.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="organization-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  )
}
