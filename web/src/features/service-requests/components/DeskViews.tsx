import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components'
import { useSearchParams } from 'react-router'
import { ScrollRow } from '../../../shared/ui/ScrollRow.tsx'
import type { DeskViews } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'

const useStyles = makeStyles({
  views: { marginBottom: tokens.spacingVerticalM },
  view: { flexShrink: 0 },
})

const sameQuery = (params: URLSearchParams, query: Record<string, string>) => {
  const keys = [...params.keys()].filter((k) => k !== 'offset')
  return keys.length === Object.keys(query).length && keys.every((k) => params.get(k) === query[k])
}

/**
 * Saved views above the list, each with its count; a click shows the view (its filters replace the
 * current ones). On a phone the row scrolls sideways, with chevrons at the edge that hides more.
 */
export function DeskViewTabs({ views }: { views: DeskViews }) {
  const t = useDeskT()
  const styles = useStyles()
  const [params, setParams] = useSearchParams()
  const team = views.handlers.partner?.name ?? ''
  return (
    <ScrollRow
      className={styles.views}
      label={t('views.label')}
      backLabel={t('views.scrollBack')}
      onLabel={t('views.scrollOn')}
      data-testid="desk-views"
    >
      {views.items.map((view) => (
        <ToggleButton
          key={view.id}
          className={styles.view}
          size="small"
          checked={sameQuery(params, view.query)}
          onClick={() => setParams(new URLSearchParams(view.query))}
          data-testid={`desk-view-${view.id}`}
          data-count={view.total}
        >
          {t(`views.${view.id}`, { team })} ({view.totalCapped ? `${view.total}+` : view.total})
        </ToggleButton>
      ))}
    </ScrollRow>
  )
}
