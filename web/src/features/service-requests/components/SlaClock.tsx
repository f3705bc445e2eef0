import { Caption1, Card, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { ClockRegular } from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import type { Sla } from '../api.ts'
import { SlaBadge } from './Badges.tsx'

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground3 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  big: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  urgent: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
})

/** R14: the first-response clock of one request — state, target, time left or when it ran out. */
export function SlaClock({ sla }: { sla: Sla }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const rows: [string, string, ReactNode][] = []
  if (sla.remainingMinutes !== null && (sla.state === 'running' || sla.state === 'at_risk')) {
    rows.push([
      'remaining',
      t('detail.sla.remaining'),
      <Text className={mergeClasses(styles.big, sla.state === 'at_risk' && styles.warning)}>
        {format.minutes(Math.max(0, sla.remainingMinutes))}
      </Text>,
    ])
  }
  if (sla.state === 'breached' && !sla.firstResponseAt && sla.firstResponseDueAt) {
    const late = Math.max(0, Math.floor((Date.now() - new Date(sla.firstResponseDueAt).getTime()) / 60_000))
    rows.push([
      'overdue',
      t('detail.sla.breachedAt'),
      <Text className={mergeClasses(styles.big, styles.urgent)}>
        {t('detail.sla.overdueBy', { duration: format.minutes(late) })}
      </Text>,
    ])
  }
  if (sla.firstResponseDueAt) rows.push(['due', t('detail.sla.due'), format.dateTime(sla.firstResponseDueAt)])
  if (sla.firstResponseAt) {
    rows.push(['responded', t('detail.sla.respondedAt'), format.dateTime(sla.firstResponseAt)])
  }
  if (sla.breachedAt && sla.firstResponseAt) {
    rows.push(['breached', t('detail.sla.breachedAt'), format.dateTime(sla.breachedAt)])
  }

  return (
    <Card className={styles.card} data-testid="sla-clock" data-sla-state={sla.state}>
      <div className={styles.head}>
        <ClockRegular className={styles.icon} aria-hidden />
        <Subtitle2 as="h2">{t('detail.sla.title')}</Subtitle2>
      </div>
      <div>
        <SlaBadge sla={sla} />
      </div>
      {sla.state === 'none' && <Caption1 className={styles.muted}>{t('detail.sla.none')}</Caption1>}
      {sla.state === 'stopped' && <Caption1 className={styles.muted}>{t('detail.sla.stopped')}</Caption1>}
      {rows.length > 0 && (
        <dl className={styles.list}>
          {rows.map(([id, term, value]) => (
            <div key={id} className={styles.pair}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.value} data-testid={`sla-${id}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  )
}
