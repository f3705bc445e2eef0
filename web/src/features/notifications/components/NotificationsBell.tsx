import {
  Button,
  Caption1,
  CounterBadge,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Spinner,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  type ButtonProps,
} from '@fluentui/react-components'
import { Alert20Regular, CheckmarkRegular, SettingsRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { usePolling } from '../../../shared/hooks/use-polling.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { useLiveStream } from '../../../shared/hooks/use-live-stream.ts'
import { listNotifications, markAllRead, markRead, type AppNotification } from '../api.ts'

/** Without the live stream (or while it reconnects), the bell still looks this often. */
const REFRESH_MS = 60_000

const useStyles = makeStyles({
  trigger: { position: 'relative', display: 'inline-flex' },
  count: { position: 'absolute', top: '-8px', right: '-10px', pointerEvents: 'none' },
  surface: { width: '380px', maxWidth: 'calc(100vw - 32px)', padding: 0 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, maxHeight: '420px', overflowY: 'auto' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS} 28px`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    position: 'relative',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  unread: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2 },
  dot: {
    position: 'absolute',
    left: '12px',
    top: '16px',
    width: '8px',
    height: '8px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
  },
  spacer: { flexGrow: 1 },
  date: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  empty: { display: 'block', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
})

/** The top bar's bell: unread count, the latest notifications, mark read and follow their link. */
export function NotificationsBell({ className }: Pick<ButtonProps, 'className'>) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const notifications = useApiResource((signal) => listNotifications(signal), [])
  usePolling(true, REFRESH_MS, notifications.reload)
  useLiveStream(['notification'], notifications.reload)
  const unread = notifications.data?.unread ?? 0
  const items = notifications.data?.items ?? []

  const openItem = async (item: AppNotification) => {
    setOpen(false)
    if (!item.readAt) await markRead(item.id).catch(() => undefined)
    notifications.reload()
    if (item.link) void navigate(item.link)
  }

  const readAll = async () => {
    setBusy(true)
    await markAllRead().catch(() => undefined)
    setBusy(false)
    notifications.reload()
  }

  const label = unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label')

  return (
    <Popover
      open={open}
      onOpenChange={(_event, data) => {
        setOpen(data.open)
        if (data.open) notifications.reload()
      }}
      positioning="below-end"
      trapFocus
    >
      <PopoverTrigger disableButtonEnhancement>
        <Tooltip content={label} relationship="label">
          <Button
            className={className}
            appearance="transparent"
            icon={
              <span className={styles.trigger}>
                <Alert20Regular />
                {unread > 0 && (
                  <CounterBadge
                    className={styles.count}
                    count={unread}
                    size="small"
                    color="danger"
                    data-testid="notifications-unread"
                    aria-hidden
                  />
                )}
              </span>
            }
            data-testid="notifications-bell"
            data-unread={unread}
          />
        </Tooltip>
      </PopoverTrigger>
      <PopoverSurface
        className={styles.surface}
        aria-label={t('notifications.title')}
        data-testid="notifications-popover"
      >
        <div className={styles.header}>
          <Text weight="semibold">{t('notifications.title')}</Text>
          <span className={styles.spacer} />
          <Tooltip content={t('daily.preferences.title')} relationship="label">
            <Button
              size="small"
              appearance="subtle"
              icon={<SettingsRegular />}
              onClick={() => {
                setOpen(false)
                void navigate('/settings/notifications')
              }}
              data-testid="notifications-preferences"
            />
          </Tooltip>
          <Button
            size="small"
            appearance="subtle"
            icon={busy ? <Spinner size="extra-tiny" /> : <CheckmarkRegular />}
            disabled={unread === 0 || busy}
            onClick={() => void readAll()}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </div>
        {items.length === 0 ? (
          <Caption1 className={styles.empty} data-testid="notifications-empty">
            {notifications.loading && !notifications.data
              ? t('notifications.loading')
              : t('notifications.empty')}
          </Caption1>
        ) : (
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={mergeClasses(styles.item, !item.readAt && styles.unread)}
                  onClick={() => void openItem(item)}
                  data-testid="notification-item"
                  data-notification-id={item.id}
                  data-kind={item.kind}
                  data-read={item.readAt !== null}
                >
                  {!item.readAt && <span className={styles.dot} aria-label={t('notifications.unread')} />}
                  <span>{item.text}</span>
                  <Caption1 className={styles.date}>{format.dateTime(item.createdAt)}</Caption1>
                </button>
              </li>
            ))}
          </ul>
        )}
      </PopoverSurface>
    </Popover>
  )
}
