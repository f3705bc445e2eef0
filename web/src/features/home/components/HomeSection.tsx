import { Caption1, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { SeverityBadge, SlaBadge, StatusBadge } from '../../service-requests/components/Badges.tsx'
import type { RequestSection } from '../api.ts'

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  count: {
    minWidth: '24px',
    textAlign: 'center',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalS} 0` },
})

/** One card of a home page: a title with its count, a line of why, its items and "show all". */
export function HomeCard({
  title,
  hint,
  count,
  testId,
  children,
  more,
}: {
  title: string
  hint?: string
  count: number
  testId: string
  children: ReactNode
  more?: ReactNode
}) {
  const styles = useStyles()
  const { t } = useTranslation()
  return (
    <Card className={styles.card} data-testid={testId} data-count={count}>
      <div className={styles.head}>
        <Subtitle2 as="h2">{title}</Subtitle2>
        <span className={styles.count} aria-label={String(count)}>
          {count}
        </span>
      </div>
      {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
      {count === 0 ? <Text className={styles.empty}>{t('daily.home.nothing')}</Text> : children}
      {more}
    </Card>
  )
}

/** A list of requests on a home card: title (a link to the request), customer, status and clock. */
export function RequestItems({
  section,
  title,
  hint,
  testId,
  allHref,
  showCustomer = true,
}: {
  section: RequestSection
  title: string
  hint?: string
  testId: string
  allHref: string
  showCustomer?: boolean
}) {
  const styles = useStyles()
  const { t } = useTranslation()
  const total = section.totalCapped ? `${section.total}+` : String(section.total)
  return (
    <HomeCard
      title={title}
      hint={hint}
      count={section.total}
      testId={testId}
      more={
        section.total > section.items.length && (
          <RouterLink to={allHref}>{t('daily.home.showAll', { count: total as never })}</RouterLink>
        )
      }
    >
      <ul className={styles.list}>
        {section.items.map((r) => (
          <li key={r.id} className={styles.item} data-testid="home-request" data-request-id={r.id}>
            <RouterLink to={`/service-requests/${r.id}`}>
              {r.id} · {r.title}
            </RouterLink>
            <div className={styles.meta}>
              {showCustomer && <Caption1 className={styles.muted}>{r.tenant.name}</Caption1>}
              <StatusBadge status={r.status} waitingOn={r.waitingOn} />
              <SeverityBadge severity={r.severity} />
              {r.sla.state !== 'none' && (
                <SlaBadge sla={{ ...r.sla, firstResponseAt: null, breachedAt: null }} />
              )}
            </div>
          </li>
        ))}
      </ul>
    </HomeCard>
  )
}

export const useHomeStyles = useStyles
