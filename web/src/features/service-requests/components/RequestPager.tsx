import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { REQUESTS_PAGE_SIZE } from '../api.ts'

const useStyles = makeStyles({
  pager: {
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
  range: { color: tokens.colorNeutralForeground3, display: 'inline-flex', alignItems: 'center', gap: '6px' },
})

/**
 * "From–to of total" with Previous and Next; `onOffset('')` goes back to the first page. A capped
 * total (more requests match than were counted) reads "1000+" (as the desk views count).
 */
export function RequestPager({
  offset,
  shown,
  total,
  totalCapped = false,
  loading,
  onOffset,
}: {
  offset: number
  /** How many requests this page shows. */
  shown: number
  total: number
  totalCapped?: boolean
  loading: boolean
  onOffset: (offset: string) => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const from = total > 0 ? offset + 1 : 0
  const to = offset + shown
  return (
    <div className={styles.pager}>
      <Caption1 className={styles.range} data-testid="request-range" aria-live="polite">
        {t('requests.range', { from, to, total: totalCapped ? `${total}+` : total })}
        {loading && <Spinner size="extra-tiny" />}
      </Caption1>
      <Button
        disabled={offset === 0}
        onClick={() => onOffset(String(Math.max(0, offset - REQUESTS_PAGE_SIZE) || ''))}
        data-testid="page-previous"
      >
        {t('common.previous')}
      </Button>
      <Button
        disabled={offset + REQUESTS_PAGE_SIZE >= total}
        onClick={() => onOffset(String(offset + REQUESTS_PAGE_SIZE))}
        data-testid="page-next"
      >
        {t('common.next')}
      </Button>
    </div>
  )
}
