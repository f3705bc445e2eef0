import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components'
import { SearchRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { SORTS, type RequestSort } from '../api.ts'
import type { SetFilter } from './request-list-params.ts'

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flexGrow: 1, flexBasis: '320px', maxWidth: '560px' },
  sort: { minWidth: '210px' },
})

/** The request list's search box (Enter searches at once) and its sort order. */
export function RequestSearchBar({
  searchText,
  onSearchText,
  q,
  sort,
  setFilter,
}: {
  searchText: string
  onSearchText: (text: string) => void
  /** The words the list is searched for now (relevance needs some). */
  q: string | undefined
  sort: RequestSort | undefined
  setFilter: SetFilter
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <div className={styles.toolbar} role="search" aria-label={t('requests.filters.search')}>
      <Field label={t('requests.filters.search')} className={styles.search}>
        <Input
          type="search"
          value={searchText}
          contentBefore={<SearchRegular />}
          placeholder={t('requests.filters.searchPlaceholder')}
          maxLength={200}
          onChange={(_event, data) => onSearchText(data.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setFilter('q', searchText.trim(), { replace: true })
          }}
          data-testid="filter-q"
        />
      </Field>
      <Field label={t('requests.filters.sort')} className={styles.sort}>
        <Select
          value={sort ?? 'created'}
          onChange={(_event, data) => setFilter('sort', data.value === 'created' ? '' : data.value)}
          data-testid="filter-sort"
        >
          {SORTS.map((s) => (
            <option key={s} value={s} disabled={s === 'relevance' && !q}>
              {t(`requests.sort.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  )
}
