import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components'
import type { Static } from 'typebox'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { DeskViewsSchema } from '../../../../../src/service-requests/desk-views.schema.ts'
import { apiRequest } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'

// The server's schema is the contract: this type is derived from it.
type DeskViews = Static<typeof DeskViewsSchema>

const useStyles = makeStyles({
  views: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    overflowX: 'auto',
    paddingBottom: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  view: { flexShrink: 0 },
})

const sameQuery = (params: URLSearchParams, query: Record<string, string>) => {
  const keys = [...params.keys()].filter((k) => k !== 'offset')
  return keys.length === Object.keys(query).length && keys.every((k) => params.get(k) === query[k])
}

/** Saved views above the list, each with its count; a click shows the view (its filters replace the current ones). */
export function DeskViewTabs() {
  const { t } = useTranslation()
  const styles = useStyles()
  const [params, setParams] = useSearchParams()
  const views = useApiResource(
    (signal) => apiRequest<DeskViews>('/api/service-requests/views', { signal }),
    [params.toString()],
  )
  if (!views.data) return null
  return (
    <div className={styles.views} role="group" aria-label={t('daily.views.label')} data-testid="desk-views">
      {views.data.items.map((view) => (
        <ToggleButton
          key={view.id}
          className={styles.view}
          size="small"
          checked={sameQuery(params, view.query)}
          onClick={() => setParams(new URLSearchParams(view.query))}
          data-testid={`desk-view-${view.id}`}
          data-count={view.total}
        >
          {t(`daily.views.${view.id}`)} ({view.totalCapped ? `${view.total}+` : view.total})
        </ToggleButton>
      ))}
    </div>
  )
}
