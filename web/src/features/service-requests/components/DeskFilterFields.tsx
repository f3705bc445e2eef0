import { Field, Select } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { HandledBy } from '../api.ts'
import type { Assignee, DeskViews } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'
import type { RequestViewer } from '../viewer.ts'

const UUID = /^[0-9a-fA-F-]{36}$/

/**
 * The filters of whoever works requests: who handles them (partner staff: the vendor, by name, or
 * their own organization) and whom they are assigned to (me, nobody, a colleague).
 */
export function DeskFilterFields({
  viewer,
  views,
  assignees,
  handledBy,
  assignee,
  className,
  onChange,
}: {
  viewer: RequestViewer
  /** The views' answer names the handlers (absent while it loads). */
  views: DeskViews | null | undefined
  assignees: Assignee[]
  handledBy: HandledBy | undefined
  assignee: string | undefined
  className: string
  onChange: (key: 'handledBy' | 'assignee', value: string) => void
}) {
  const { t } = useTranslation()
  const d = useDeskT()
  const colleagues = assignees.filter((a) => a.userId !== viewer.userId)
  return (
    <>
      {viewer.tenantKind === 'partner' && views && (
        <Field label={d('handledBy.label')} className={className}>
          <Select
            value={handledBy ?? ''}
            onChange={(_event, data) => onChange('handledBy', data.value)}
            data-testid="filter-handled-by"
          >
            <option value="">{d('handledBy.any')}</option>
            <option value="vendor">{views.handlers.vendor}</option>
            <option value="partner">{views.handlers.partner?.name ?? viewer.tenantName}</option>
          </Select>
        </Field>
      )}
      <Field label={t('requests.filters.assignee')} className={className}>
        <Select
          value={assignee ?? ''}
          onChange={(_event, data) => onChange('assignee', data.value)}
          data-testid="filter-assignee"
        >
          <option value="">{t('requests.filters.anyone')}</option>
          <option value="me">{t('requests.filters.me')}</option>
          <option value="none">{t('requests.filters.unassigned')}</option>
          {colleagues.map((e) => (
            <option key={e.userId} value={e.userId}>
              {e.name}
            </option>
          ))}
          {assignee && UUID.test(assignee) && colleagues.every((e) => e.userId !== assignee) && (
            <option value={assignee}>{assignee}</option>
          )}
        </Select>
      </Field>
    </>
  )
}
