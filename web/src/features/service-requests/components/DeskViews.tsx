import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components'
import { useSearchParams } from 'react-router'
import { ScrollRow } from '../../../shared/ui/ScrollRow.tsx'
import type { DeskView, DeskViews } from '../desk-api.ts'
import { DeleteViewButton } from './SavedViewControls.tsx'
import { useDeskT } from '../desk-i18n.ts'

const useStyles = makeStyles({
  views: { marginBottom: tokens.spacingVerticalM },
  view: { flexShrink: 0 },
  own: { display: 'inline-flex', alignItems: 'center', flexShrink: 0 },
})

const countOf = (view: DeskView) => (view.totalCapped ? `${view.total}+` : String(view.total))

const sameQuery = (params: URLSearchParams, query: Record<string, string>) => {
  const keys = [...params.keys()].filter((k) => k !== 'offset')
  return keys.length === Object.keys(query).length && keys.every((k) => params.get(k) === query[k])
}

/**
 * Saved views above the list, each with its count — the desk's, then the person's own (each with a
 * button that deletes it); a click shows the view (its filters replace the current ones). On a phone
 * the row scrolls sideways, with chevrons at the edge that hides more.
 */
export function DeskViewTabs({ views, onChanged }: { views: DeskViews; onChanged: () => void }) {
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
      {views.items.map((view) => {
        const tab = (
          <ToggleButton
            key={view.id}
            className={styles.view}
            size="small"
            checked={sameQuery(params, view.query)}
            onClick={() => setParams(new URLSearchParams(view.query))}
            data-testid={`desk-view-${view.id}`}
            data-count={view.total}
            data-own={'own' in view ? true : undefined}
          >
            {'own' in view ? view.name : t(`views.${view.id}`, { team })} ({countOf(view)})
          </ToggleButton>
        )
        if (!('own' in view)) return tab
        // one's own view: its tab, then the button that deletes it (after asking)
        return (
          <span key={view.id} className={styles.own}>
            {tab}
            <DeleteViewButton view={view} onDeleted={onChanged} />
          </span>
        )
      })}
    </ScrollRow>
  )
}
