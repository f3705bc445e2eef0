import { Avatar, Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import {
  AlertUrgentRegular,
  ArrowForwardRegular,
  AttachRegular,
  CheckmarkCircleRegular,
  CircleSmallRegular,
  LockClosedRegular,
} from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { Severity } from '../api.ts'
import { useLifeT } from '../life-t.ts'
import type { TimelineEntry } from '../timeline-api.ts'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  list: { ...plainList, gap: tokens.spacingVerticalM },
  item: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  bubble: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // internal entries look unlike anything the requester could see: warm, dashed, with a lock
  internal: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  event: { flexGrow: 1, minWidth: 0, paddingTop: tokens.spacingVerticalXXS },
  icon: {
    width: '32px',
    display: 'flex',
    justifyContent: 'center',
    flexShrink: 0,
    fontSize: '20px',
    color: tokens.colorNeutralForeground3,
    paddingTop: tokens.spacingVerticalXXS,
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    marginTop: tokens.spacingVerticalXXS,
  },
  reason: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
})

/**
 * A request's life, oldest first: the filing, notes, and every change with who made it and why.
 * Internal entries (notes, assignment) come only to whoever works the request; they are marked.
 */
export function RequestTimeline({ entries }: { entries: TimelineEntry[] }) {
  const styles = useStyles()
  const t = useLifeT()
  if (entries.length === 0) return <Text className={styles.muted}>{t('timeline.empty')}</Text>
  return (
    <ol className={styles.list} data-testid="request-timeline">
      {entries.map((entry) =>
        entry.kind === 'note' ? (
          <NoteItem key={entry.id} entry={entry} />
        ) : (
          <EventItem key={entry.id} entry={entry} />
        ),
      )}
    </ol>
  )
}

function InternalBadge() {
  const t = useLifeT()
  return (
    <Badge
      appearance="filled"
      color="warning"
      size="small"
      icon={<LockClosedRegular />}
      data-testid="request-note-internal"
    >
      {t('timeline.internal')}
    </Badge>
  )
}

function When({ at }: { at: string }) {
  const format = useFormat()
  const styles = useStyles()
  return (
    <Caption1 className={styles.muted}>
      <time dateTime={at}>{format.dateTime(at)}</time>
    </Caption1>
  )
}

function NoteItem({ entry }: { entry: TimelineEntry }) {
  const styles = useStyles()
  const internal = entry.visibility === 'internal'
  const name = entry.actor?.name ?? ''
  return (
    <li
      className={styles.item}
      data-testid="request-note"
      data-kind="note"
      data-visibility={entry.visibility}
    >
      <Avatar name={name} size={32} color="colorful" aria-hidden />
      <div className={mergeClasses(styles.bubble, internal && styles.internal)}>
        <div className={styles.meta}>
          <Text weight="semibold" data-testid="request-note-author">
            {name}
          </Text>
          <When at={entry.at} />
          {internal && <InternalBadge />}
        </div>
        <Text className={styles.text} data-testid="request-note-text">
          {entry.text}
        </Text>
      </div>
    </li>
  )
}

function EventItem({ entry }: { entry: TimelineEntry }) {
  const styles = useStyles()
  const t = useLifeT()
  const { t: tApp } = useTranslation()
  const name = entry.actor?.name ?? t('timeline.system')
  const severity = (s: string | null | undefined) => (s ? tApp(`requests.severity.${s as Severity}`) : '')
  let line: string
  let icon = <CircleSmallRegular />
  switch (entry.kind) {
    case 'created':
      line = entry.incident
        ? t('timeline.createdLinked', { name, incident: `${entry.incident.id} (${entry.incident.title})` })
        : t('timeline.created', { name })
      break
    case 'status':
      line =
        entry.to === 'closed'
          ? t('timeline.closed', { name })
          : entry.from === 'closed'
            ? t('timeline.reopened', { name })
            : entry.to === 'attention_needed'
              ? t('timeline.waiting', { name })
              : t('timeline.answered', { name })
      icon = entry.to === 'closed' ? <LockClosedRegular /> : <CircleSmallRegular />
      break
    case 'severity':
      line = t('timeline.severity', { name, from: severity(entry.from), to: severity(entry.to) })
      break
    case 'assignment':
      line = entry.to ? t('timeline.assigned', { name, to: entry.to }) : t('timeline.unassigned', { name })
      break
    case 'external_reference':
      line = entry.to
        ? t('timeline.reference', { name, to: entry.to })
        : t('timeline.referenceCleared', { name })
      break
    case 'attachment':
      line = t('timeline.attachment', { name, file: entry.fileName ?? '' })
      icon = <AttachRegular />
      break
    case 'sla_breached':
      line = t('timeline.breached')
      icon = <AlertUrgentRegular />
      break
    case 'escalated':
      line = t('timeline.escalated', { name, id: entry.request?.id ?? '' })
      icon = <ArrowForwardRegular />
      break
    case 'incident_resolved':
      line = t('timeline.incidentResolved', {
        incident: `${entry.incident?.id ?? ''} (${entry.incident?.title ?? ''})`,
      })
      icon = <CheckmarkCircleRegular />
      break
    default:
      line = ''
  }
  return (
    <li
      className={styles.item}
      data-testid="timeline-event"
      data-kind={entry.kind}
      data-to={entry.to ?? ''}
      data-visibility={entry.visibility}
    >
      <span className={styles.icon} aria-hidden>
        {icon}
      </span>
      <div className={styles.event}>
        <div className={styles.meta}>
          <Text data-testid="timeline-event-text">{line}</Text>
          <When at={entry.at} />
          {entry.visibility === 'internal' && <InternalBadge />}
          {entry.kind === 'escalated' && entry.request && (
            <RouterLink to={`/service-requests/${encodeURIComponent(entry.request.id)}`}>
              {entry.request.title}
            </RouterLink>
          )}
        </div>
        {entry.reason && (
          <Text className={styles.reason} data-testid="timeline-reason">
            {t('timeline.reason')}: {entry.reason}
          </Text>
        )}
      </div>
    </li>
  )
}
