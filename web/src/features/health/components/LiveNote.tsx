import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { ArrowSyncRegular } from '@fluentui/react-icons'
import { useEffect, useState } from 'react'
import type { LiveState } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'

const useStyles = makeStyles({
  root: {
    marginTop: tokens.spacingVerticalXS,
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  dot: {
    display: 'inline-block',
    width: '8px',
    height: '8px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralStroke1,
  },
  dotOn: { backgroundColor: tokens.colorPaletteGreenBorderActive },
  live: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  update: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
})

/** "Live" while the stream is open, and "Updated just now: EX1 published" after an event. */
export function LiveNote({ live }: { live: LiveState }) {
  const { t, language } = useHealthTranslation()
  const styles = useStyles()
  const [now, setNow] = useState(() => Date.now())
  const last = live.last
  useEffect(() => {
    if (!last) return
    setNow(Date.now())
    const timer = window.setInterval(() => setNow(Date.now()), 15_000)
    return () => window.clearInterval(timer)
  }, [last])

  const when = (at: number) =>
    now - at < 60_000
      ? t('live.justNow')
      : t('live.at', { time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(at) })

  return (
    <span className={styles.root}>
      <Caption1
        className={styles.live}
        data-testid="health-live-status"
        data-connected={live.connected}
        data-state={live.state}
        title={live.connected ? t('live.connectedHint') : t('live.disconnectedHint')}
      >
        <span className={mergeClasses(styles.dot, live.connected && styles.dotOn)} aria-hidden />
        {live.state === 'open'
          ? t('live.connected')
          : live.state === 'connecting'
            ? t('live.connecting')
            : t('live.disconnected')}
      </Caption1>
      {last && (
        <Caption1
          className={styles.update}
          role="status"
          data-testid="health-live-update"
          data-incident-id={last.event.incident.id}
          data-kind={last.event.kind}
        >
          <ArrowSyncRegular aria-hidden />
          {t(`live.${last.event.kind}`, { when: when(last.at), id: last.event.incident.id })}
        </Caption1>
      )}
    </span>
  )
}
