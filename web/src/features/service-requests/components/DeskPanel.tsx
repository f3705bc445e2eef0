import {
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { BriefcaseRegular, PersonArrowLeftRegular } from '@fluentui/react-icons'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SEVERITIES, type Engineer, type RequestUpdate, type ServiceRequest, type Severity } from '../api.ts'
import { severityChoices, type Side } from '../side.ts'
import type { RequestViewer } from '../viewer.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { listAssignees } from '../desk-api.ts'

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
})

export type DeskAction = 'assign' | 'severity' | 'reference'

/**
 * What the people working a request change beside notes: the assignee (whoever works it),
 * the severity (the responder only lowers it) and the external reference (both sides). Each change
 * is one PATCH with the version the page loaded.
 */
export function DeskPanel({
  request: r,
  side,
  viewer,
  engineers,
  busy,
  feedback,
  onUpdate,
}: {
  request: ServiceRequest
  side: Side
  viewer: RequestViewer
  /** Whom the vendor's engineers can assign to (GET /api/desk/engineers). */
  engineers: Engineer[] | undefined
  busy: DeskAction | null
  /** The outcome of the last change made here (saved, refused, changed meanwhile). */
  feedback?: ReactNode
  onUpdate: (action: DeskAction, update: RequestUpdate) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const closed = r.status === 'closed'
  // whoever works the request assigns it: the vendor's engineers, or the partner's staff for the
  // requests its customers sent it (their colleagues come from /api/desk/assignees)
  const canAssign = side === 'responder'
  const colleagues = useApiResource(
    (signal) =>
      canAssign && viewer.tenantKind === 'partner' ? listAssignees(signal) : Promise.resolve(undefined),
    [canAssign, viewer.tenantKind],
  )
  const assignable = viewer.tenantKind === 'partner' ? colleagues.data : engineers
  const canChange = side !== 'onlooker' && !closed
  const choices = severityChoices(side, r.severity, SEVERITIES)
  const [severity, setSeverity] = useState<Severity>(r.severity)
  const [reference, setReference] = useState(r.externalReference ?? '')
  const assignee = r.assignedTo?.userId ?? ''
  const assignedToMe = assignee === viewer.userId
  const disabled = busy !== null

  const assigneeName = r.assignedTo ? (r.assignedTo.name ?? r.assignedTo.userId) : t('detail.desk.unassigned')

  return (
    <Card className={styles.card} data-testid="desk-panel" data-side={side}>
      <div className={styles.head}>
        <BriefcaseRegular className={styles.icon} aria-hidden />
        <Subtitle2 as="h2">
          {side === 'responder' ? t('detail.desk.title') : t('detail.desk.titleRequester')}
        </Subtitle2>
      </div>

      {canAssign ? (
        <div className={styles.row}>
          <Field label={t('detail.desk.assignee')} className={styles.grow}>
            <Select
              value={assignee}
              disabled={disabled || closed}
              onChange={(_event, data) =>
                void onUpdate('assign', { assignedTo: data.value === '' ? null : data.value })
              }
              data-testid="desk-assignee"
            >
              <option value="">{t('detail.desk.unassigned')}</option>
              {(assignable ?? []).map((e) => (
                <option key={e.userId} value={e.userId}>
                  {e.name}
                </option>
              ))}
              {assignee && !assignable?.some((e) => e.userId === assignee) && (
                <option value={assignee}>{assigneeName}</option>
              )}
            </Select>
          </Field>
          {!assignedToMe && (
            <Button
              icon={busy === 'assign' ? <Spinner size="tiny" /> : <PersonArrowLeftRegular />}
              disabled={disabled || closed}
              onClick={() => void onUpdate('assign', { assignedTo: viewer.userId })}
              data-testid="desk-assign-me"
            >
              {t('detail.desk.assignToMe')}
            </Button>
          )}
        </div>
      ) : (
        <Field label={t('detail.desk.assignee')}>
          <Text data-testid="desk-assignee-name" className={r.assignedTo ? undefined : styles.muted}>
            {assigneeName}
          </Text>
        </Field>
      )}

      {canChange && choices.length > 1 ? (
        <form
          className={styles.group}
          onSubmit={(event) => {
            event.preventDefault()
            if (severity !== r.severity) void onUpdate('severity', { severity })
          }}
        >
          <div className={styles.row}>
            <Field label={t('detail.desk.severity')} className={styles.grow}>
              <Select
                value={severity}
                disabled={disabled}
                onChange={(_event, data) => setSeverity(data.value as Severity)}
                data-testid="desk-severity"
              >
                {choices.map((s) => (
                  <option key={s} value={s}>
                    {t(`requests.severity.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              type="submit"
              disabled={disabled || severity === r.severity}
              icon={busy === 'severity' ? <Spinner size="tiny" /> : undefined}
              data-testid="desk-severity-save"
            >
              {t('detail.desk.save')}
            </Button>
          </div>
          <Caption1 className={styles.muted}>
            {side === 'responder'
              ? t('detail.desk.severityHintResponder')
              : t('detail.desk.severityHintRequester')}
          </Caption1>
        </form>
      ) : (
        <Field
          label={t('detail.desk.severity')}
          hint={canChange && side === 'responder' ? t('detail.desk.severityHintResponder') : undefined}
        >
          <Text data-testid="desk-severity-value">{t(`requests.severity.${r.severity}`)}</Text>
        </Field>
      )}

      {side !== 'onlooker' ? (
        <form
          className={styles.group}
          onSubmit={(event) => {
            event.preventDefault()
            const value = reference.trim()
            if (value !== (r.externalReference ?? ''))
              void onUpdate('reference', { externalReference: value === '' ? null : value })
          }}
        >
          <div className={styles.row}>
            <Field label={t('detail.desk.externalReference')} className={styles.grow}>
              <Input
                value={reference}
                maxLength={200}
                disabled={disabled || closed}
                onChange={(_event, data) => setReference(data.value)}
                data-testid="desk-reference"
              />
            </Field>
            <Button
              type="submit"
              disabled={disabled || closed || reference.trim() === (r.externalReference ?? '')}
              icon={busy === 'reference' ? <Spinner size="tiny" /> : undefined}
              data-testid="desk-reference-save"
            >
              {t('detail.desk.save')}
            </Button>
          </div>
          <Caption1 className={styles.muted}>{t('detail.desk.externalReferenceHint')}</Caption1>
        </form>
      ) : (
        r.externalReference && (
          <Field label={t('detail.desk.externalReference')}>
            <Text>{r.externalReference}</Text>
          </Field>
        )
      )}
      {feedback}
    </Card>
  )
}
