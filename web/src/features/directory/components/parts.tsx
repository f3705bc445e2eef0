import {
  Badge,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState, type ReactNode } from 'react'
import { asApiError } from '../../../shared/api/as-api-error.ts'
import type { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { getMe } from '../api.ts'
import type { DirectoryKey } from '../i18n.ts'
import { useDirectoryT } from '../translation.ts'

export const useDirectoryStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
})

export { asApiError }

/** Whether the viewer may change the directory (the server says: /api/directory/me); undefined while loading. */
export function useDirectoryAdmin(): boolean | undefined {
  const me = useApiResource((signal) => getMe(signal), [])
  return me.data ? me.data.directoryAdmin : me.error ? false : undefined
}

export function ReadOnlyNote() {
  const t = useDirectoryT()
  return (
    <MessageBar intent="info" data-testid="directory-read-only">
      <MessageBarBody>{t('common.readOnly')}</MessageBarBody>
    </MessageBar>
  )
}

const KNOWN_ROLES = new Set([
  'admin_agent',
  'helpdesk_agent',
  'sales_agent',
  'global_admin',
  'billing_admin',
  'support_engineer',
])

export function useRoleName(): (role: string) => string {
  const t = useDirectoryT()
  return (role) => (KNOWN_ROLES.has(role) ? t(`roles.${role}` as DirectoryKey) : role)
}

export function RoleBadges({ roles }: { roles: string[] }) {
  const t = useDirectoryT()
  const roleName = useRoleName()
  if (roles.length === 0) return <Text>{t('users.noRoles')}</Text>
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS }}>
      {roles.map((r) => (
        <Badge key={r} appearance="tint" color={r === 'admin_agent' ? 'brand' : 'informative'}>
          {roleName(r)}
        </Badge>
      ))}
    </span>
  )
}

/** A form in a dialog: `submit` throws the API's error, shown inside; success closes it. */
export function FormDialog({
  title,
  submitLabel,
  canSubmit,
  onSubmit,
  onClose,
  children,
  testId,
}: {
  title: string
  submitLabel: string
  canSubmit: boolean
  onSubmit: () => Promise<void>
  onClose: () => void
  children: ReactNode
  testId?: string
}) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await onSubmit()
    } catch (e) {
      setError(asApiError(e))
      setBusy(false)
    }
  }
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && !busy && onClose()}>
      <DialogSurface data-testid={testId}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (canSubmit && !busy) void submit()
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {children}
              {error && <ErrorMessage error={error} />}
            </DialogContent>
            <DialogFormActions
              cancelLabel={t('common.cancel')}
              submitLabel={submitLabel}
              busy={busy}
              disabled={!canSubmit}
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  )
}
