import {
  Badge,
  Caption1,
  Checkbox,
  Label,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { ShieldErrorFilled, StarFilled } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { GLOBAL_ADMINISTRATOR, canFileTickets, type GdapRole } from '../api.ts'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Selected}` },
  recommended: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    gridColumn: '1 / -1',
  },
  privileged: { border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingLeft: '32px' },
  description: { color: tokens.colorNeutralForeground2 },
  heading: { display: 'flex', flexDirection: 'column', gap: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
})

const capabilityStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
})

/** What a role allows that matters for support work, as small badges. */
export function RoleCapabilities({ role, showMissing = true }: { role: GdapRole; showMissing?: boolean }) {
  const { t } = useTranslation()
  const styles = capabilityStyles()
  return (
    <span className={styles.row} data-testid="gdap-role-capabilities">
      {role.filesM365Tickets && (
        <Badge appearance="outline" color="success" size="small">
          {t('gdapRoles.filesM365Tickets')}
        </Badge>
      )}
      {role.readsServiceHealth && (
        <Badge appearance="outline" color="informative" size="small">
          {t('gdapRoles.readsServiceHealth')}
        </Badge>
      )}
      {showMissing && !canFileTickets(role) && (
        <Badge appearance="tint" color="informative" size="small">
          {t('gdapRoles.noTicketPermission')}
        </Badge>
      )}
    </span>
  )
}

export function RecommendedBadge() {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="filled"
      color="brand"
      size="small"
      icon={<StarFilled />}
      data-testid="gdap-role-recommended"
    >
      {t('gdapRoles.recommended')}
    </Badge>
  )
}

export function PrivilegedBadge() {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="filled"
      color="severe"
      size="small"
      icon={<ShieldErrorFilled />}
      data-testid="gdap-role-privileged"
    >
      {t('gdapRoles.privileged')}
    </Badge>
  )
}

/**
 * The roles GDAP can grant, each with its purpose. The least-privileged role for support comes
 * first and stands out; privileged roles carry a warning, and choosing one explains the cost.
 */
export function RolePicker({
  roles,
  selected,
  onChange,
  validationMessage,
}: {
  roles: GdapRole[]
  selected: string[]
  onChange: (selected: string[]) => void
  validationMessage?: string | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const chosen = new Set(selected)
  const toggle = (id: string, on: boolean) => {
    // keep the catalog's order, so the request body is stable
    onChange(roles.map((r) => r.id).filter((r) => (r === id ? on : chosen.has(r))))
  }
  const chosenRoles = roles.filter((r) => chosen.has(r.id))
  const globalAdmin = chosen.has(GLOBAL_ADMINISTRATOR)
  const otherPrivileged = chosenRoles.filter((r) => r.privileged && r.id !== GLOBAL_ADMINISTRATOR)
  const noSupportRole = chosenRoles.length > 0 && !chosenRoles.some(canFileTickets)

  // Not a <Field>: a Field marks every checkbox inside it as required.
  return (
    <div role="group" aria-labelledby="gdap-role-picker-label" data-testid="gdap-role-picker">
      <div className={styles.heading}>
        <Label id="gdap-role-picker-label" required weight="semibold">
          {t('gdapRoles.label')}
        </Label>
        <Caption1 className={styles.description}>{t('gdapRoles.hint')}</Caption1>
        <Caption1 data-testid="gdap-role-count">
          {t('gdapRoles.selectedCount', { count: chosen.size })}
        </Caption1>
        {validationMessage && (
          <Caption1 role="alert" className={styles.error} data-testid="gdap-role-error">
            {validationMessage}
          </Caption1>
        )}
      </div>
      <div>
        <div className={styles.grid}>
          {roles.map((role) => {
            const isChosen = chosen.has(role.id)
            return (
              <div
                key={role.id}
                className={mergeClasses(
                  styles.card,
                  isChosen && styles.selected,
                  role.privileged && styles.privileged,
                  role.recommendedForSupport && styles.recommended,
                )}
                data-testid="gdap-role-option"
                data-role-id={role.id}
                data-recommended={role.recommendedForSupport}
                data-privileged={role.privileged}
                data-checked={isChosen}
              >
                <div className={styles.header}>
                  <Checkbox
                    checked={isChosen}
                    onChange={(_event, data) => toggle(role.id, data.checked === true)}
                    label={
                      <Text weight="semibold">{entraRoleName({ id: role.id, name: role.displayName })}</Text>
                    }
                    data-testid="gdap-role-checkbox"
                    data-role-id={role.id}
                  />
                  {role.recommendedForSupport && <RecommendedBadge />}
                  {role.privileged && <PrivilegedBadge />}
                </div>
                <div className={styles.body}>
                  <Caption1 className={styles.description}>{role.description}</Caption1>
                  <RoleCapabilities role={role} showMissing={false} />
                </div>
              </div>
            )
          })}
        </div>
        <div className={styles.messages} aria-live="polite">
          {globalAdmin && (
            <MessageBar intent="warning" layout="multiline" data-testid="gdap-global-admin-warning">
              <MessageBarBody>{t('gdapRoles.globalAdminWarning')}</MessageBarBody>
            </MessageBar>
          )}
          {otherPrivileged.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="gdap-privileged-warning">
              <MessageBarBody>
                {t('gdapRoles.privilegedWarning', {
                  roles: otherPrivileged
                    .map((r) => entraRoleName({ id: r.id, name: r.displayName }))
                    .join(', '),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          {noSupportRole && (
            <MessageBar intent="info" layout="multiline" data-testid="gdap-no-support-role-warning">
              <MessageBarBody>{t('gdapRoles.noSupportRoleWarning')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </div>
  )
}
