import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components'
import { useMemo } from 'react'
import type { HistoryItem } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

// Plain SVG with Fluent tokens: two small charts do not justify a chart library.

/** Distinct, theme-aware colours for the services in a chart, in a fixed order. */
const SERIES_COLORS = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteMarigoldBorderActive,
  tokens.colorPaletteGrapeBorderActive,
  tokens.colorPaletteLightGreenBorderActive,
  tokens.colorPaletteCranberryBorderActive,
  tokens.colorPaletteNavyBorderActive,
  tokens.colorPaletteSeafoamBorderActive,
  tokens.colorPalettePumpkinBorderActive,
  tokens.colorPaletteSteelBorderActive,
]

const useStyles = makeStyles({
  figure: { margin: 0 },
  bars: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, max-content) minmax(120px, 1fr) max-content',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    maxWidth: '760px',
  },
  barRow: { display: 'contents' },
  barLabel: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  barValue: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  svgBlock: { display: 'block' },
  history: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalS,
    maxWidth: '960px',
  },
  yAxis: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    // each label centred on its grid line
    height: 'calc(180px + 1em)',
    marginTop: '-0.5em',
    lineHeight: '1em',
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  plot: {
    height: '180px',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    position: 'relative',
  },
  empty: {
    position: 'absolute',
    inset: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground3,
  },
  xAxis: {
    gridColumnStart: 2,
    display: 'flex',
    justifyContent: 'space-between',
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground3,
  },
  legend: {
    gridColumnStart: 2,
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    marginTop: tokens.spacingVerticalS,
    listStyleType: 'none',
    padding: 0,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '10px', height: '10px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
})

/** Horizontal bars: how many customers each service's incidents affect. */
export function AffectedPerServiceChart({
  items,
}: {
  items: { serviceId: string; serviceName: string; customers: number }[]
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const sorted = [...items].sort(
    (a, b) => b.customers - a.customers || a.serviceName.localeCompare(b.serviceName),
  )
  const max = Math.max(1, ...sorted.map((s) => s.customers))
  return (
    <figure className={styles.figure} data-testid="health-per-service-chart">
      <div className={styles.bars}>
        {sorted.map((s, index) => (
          <div
            key={s.serviceId}
            className={styles.barRow}
            data-testid="health-per-service-bar"
            data-service-id={s.serviceId}
            data-customers={s.customers}
          >
            <Text className={styles.barLabel} title={s.serviceName}>
              {s.serviceName}
            </Text>
            <svg className={styles.svgBlock} width="100%" height="20" aria-hidden focusable="false">
              <rect width="100%" height="20" rx="3" style={{ fill: tokens.colorNeutralBackground3 }} />
              <rect
                width={`${(s.customers / max) * 100}%`}
                height="20"
                rx="3"
                style={{ fill: SERIES_COLORS[index % SERIES_COLORS.length] }}
              />
            </svg>
            <Text className={styles.barValue}>{t('affected.customerCount', { count: s.customers })}</Text>
          </div>
        ))}
      </div>
    </figure>
  )
}

/** The last `days` days ending today (UTC, as the server counts them), oldest first. */
function lastDays(days: number, items: HistoryItem[]): string[] {
  const latest = items.reduce((max, i) => (i.day > max ? i.day : max), new Date().toISOString().slice(0, 10))
  const end = Date.parse(`${latest}T00:00:00Z`)
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  )
}

/** Stacked columns: incidents per day over the last days, one colour per service. */
export function HistoryChart({ days, items }: { days: number; items: HistoryItem[] }) {
  const { t, language } = useHealthTranslation()
  const styles = useStyles()
  const { dayList, series, totals, max } = useMemo(() => {
    const dayList = lastDays(days, items)
    const seriesMap = new Map<string, { id: string; name: string; total: number }>()
    for (const item of items) {
      const s = seriesMap.get(item.serviceId) ?? { id: item.serviceId, name: item.serviceName, total: 0 }
      s.total += item.incidents
      seriesMap.set(item.serviceId, s)
    }
    const series = [...seriesMap.values()].sort((a, b) => a.name.localeCompare(b.name))
    const totals = new Map<string, number>()
    for (const item of items) totals.set(item.day, (totals.get(item.day) ?? 0) + item.incidents)
    // an even top (when above 1) puts the middle grid line on a whole number
    const top = Math.max(1, ...totals.values())
    return { dayList, series, totals, max: top > 1 && top % 2 === 1 ? top + 1 : top }
  }, [days, items])

  const dayFormat = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const label = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`))
  const colorOf = (serviceId: string) =>
    SERIES_COLORS[series.findIndex((s) => s.id === serviceId) % SERIES_COLORS.length]
  const total = series.reduce((sum, s) => sum + s.total, 0)
  const ticks = max > 1 ? [max, max / 2, 0] : [max, 0]
  const summary =
    total === 0
      ? t('history.none', { count: days })
      : t('history.summary', {
          count: days,
          services: series.map((s) => `${s.name} (${s.total})`).join(', '),
        })

  return (
    <figure className={styles.figure} data-testid="health-history-chart" data-total={total}>
      <div className={styles.history}>
        <Caption1 className={styles.yAxis} aria-hidden>
          {ticks.map((v) => (
            <span key={v}>{v}</span>
          ))}
        </Caption1>
        <div className={styles.plot}>
          <svg
            width="100%"
            height="100%"
            viewBox={`0 0 ${dayList.length} ${max}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={summary}
            className={styles.svgBlock}
          >
            {(max > 1 ? [0.5, 1] : [1]).map((f) => (
              <line
                key={f}
                x1="0"
                x2={dayList.length}
                y1={max - max * f}
                y2={max - max * f}
                style={{ stroke: tokens.colorNeutralStroke2 }}
                strokeDasharray="4 4"
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {dayList.map((day, x) => {
              let y = max
              return (
                <g key={day} data-day={day} data-incidents={totals.get(day) ?? 0}>
                  {items
                    .filter((i) => i.day === day && i.incidents > 0)
                    .map((i) => {
                      y -= i.incidents
                      return (
                        <rect
                          key={i.serviceId}
                          x={x + 0.18}
                          width={0.64}
                          y={y}
                          height={i.incidents}
                          style={{ fill: colorOf(i.serviceId) }}
                        >
                          <title>{`${label(day)} · ${i.serviceName}: ${t('history.incidents', { count: i.incidents })}`}</title>
                        </rect>
                      )
                    })}
                </g>
              )
            })}
          </svg>
          {total === 0 && <Text className={styles.empty}>{t('history.none', { count: days })}</Text>}
        </div>
        <Caption1 className={styles.xAxis} aria-hidden>
          <span>{dayList[0] && label(dayList[0])}</span>
          <span>
            {dayList[Math.floor(dayList.length / 2)] && label(dayList[Math.floor(dayList.length / 2)]!)}
          </span>
          <span>{t('history.today')}</span>
        </Caption1>
        {series.length > 0 && (
          <ul className={styles.legend} aria-label={t('history.legend')}>
            {series.map((s) => (
              <li
                key={s.id}
                className={styles.legendItem}
                data-testid="health-history-series"
                data-service-id={s.id}
              >
                <span className={styles.swatch} style={{ backgroundColor: colorOf(s.id) }} aria-hidden />
                <Caption1>
                  {s.name} ({s.total})
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </div>
      <figcaption className={styles.visuallyHidden}>{summary}</figcaption>
    </figure>
  )
}
