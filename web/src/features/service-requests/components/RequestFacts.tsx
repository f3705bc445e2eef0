import { Link, Text, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { usePortalsT } from '../../workload-portals/t.ts'
import type { ServiceRequest } from '../api.ts'
import { IncidentStatusBadge } from './AdviceIncidents.tsx'
import { RuleBadge } from './Badges.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    alignItems: 'center',
    maxWidth: '900px',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    minHeight: '24px',
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
})

/** Who works the request, by name: the vendor's ("Contoso Cloud") or the partner's, never "the vendor". */
export function HandledByText({ request: r }: { request: ServiceRequest }) {
  const { t } = useTranslation()
  const name = r.handler?.name || (r.handledBy === 'partner' ? r.partner?.name : undefined)
  if (!name) return <>{t('common.none')}</>
  return (
    <>
      {r.handledBy === 'partner'
        ? t('waitingOn.handledByPartner', { name })
        : t('waitingOn.handledByVendor', { name })}
    </>
  )
}

/** Who, what and under which rule: the request's facts as a definition list. */
export function RequestFacts({ request: r }: { request: ServiceRequest }) {
  const { t } = useTranslation()
  const portalsT = usePortalsT()
  const format = useFormat()
  const styles = useStyles()

  const facts: [string, string, ReactNode][] = [
    [
      'customer',
      t('detail.customer'),
      <>
        <Text>{r.tenant.name}</Text>
        <CopyableText
          value={r.tenant.tenantId}
          copyLabel={t('detail.copyTenantId')}
          testId="request-tenant-id"
        />
      </>,
    ],
    ['workload', t('detail.workload'), t(`requests.workload.${r.workload}`, { defaultValue: r.workload })],
  ]
  // R4: the incident the request escalates, right after what it is about.
  if (r.linkedIncident) {
    const incident = r.linkedIncident
    facts.push([
      'linked-incident',
      portalsT('incidents.linkedFact'),
      <>
        <RouterLink
          to={`/health/incidents/${encodeURIComponent(incident.id)}`}
          data-testid="request-linked-incident-link"
        >
          {incident.title ? `${incident.id} — ${incident.title}` : incident.id}
        </RouterLink>
        <IncidentStatusBadge status={incident.status} />
      </>,
    ])
  }
  if (r.subscription) {
    facts.push([
      'subscription',
      t('detail.subscription'),
      <>
        <Text>{r.subscription.name}</Text>
        <Text className={styles.muted} size={200}>
          {r.subscription.id}
        </Text>
      </>,
    ])
  }
  if (r.workload === 'azure') {
    facts.push([
      'problem-type',
      t('detail.problemType'),
      t(`requests.problemType.${r.problemType}`, { defaultValue: r.problemType }),
    ])
  }
  // Azure tickets carry the service and problem classification chosen in the Azure portal (or over ARM)
  if (r.azure) {
    facts.push(['azure-service', t('azureTriage.service'), r.azure.service.name])
    facts.push([
      'azure-classification',
      t('azureTriage.classification'),
      r.azure.problemClassification?.name ?? t('common.none'),
    ])
  } else {
    facts.push(['topic', t('detail.topic'), r.supportTopic?.name ?? t('common.none')])
  }
  facts.push([
    'support-plan',
    t('detail.supportPlan'),
    t(`requests.supportPlan.${r.supportPlan as 'csp'}`, { defaultValue: r.supportPlan }),
  ])
  facts.push(['handled-by', t('detail.handledBy'), <HandledByText request={r} />])
  facts.push([
    'rule',
    t('detail.rule'),
    r.rule && r.rule !== 'none' ? (
      <>
        <RuleBadge rule={r.rule} />
        <Text>{t(`detail.ruleMeaning.${r.rule as 'R6'}`, { defaultValue: '' })}</Text>
      </>
    ) : (
      t('common.none')
    ),
  ])
  if (r.delegation) {
    const d = r.delegation
    facts.push([
      'delegation',
      t('detail.delegation'),
      d.relationshipName
        ? t('detail.delegationValue', {
            partner: d.partnerName,
            relationship: d.relationshipName,
            role: d.roleName ? entraRoleName({ name: d.roleName }) : t('common.none'),
            group: d.groupName ?? t('common.none'),
          })
        : t('detail.delegationProvider', { partner: d.partnerName }),
    ])
  }
  facts.push([
    'contact',
    t('detail.contact'),
    <>
      <Text>{r.contact.name}</Text>
      <Link href={`mailto:${r.contact.email}`}>{r.contact.email}</Link>
      {r.contact.phone && <Text>{r.contact.phone}</Text>}
      <Text className={styles.muted}>
        ({t(r.contact.preferredLanguage === 'it' ? 'language.it' : 'language.en')})
      </Text>
    </>,
  ])
  facts.push([
    'created',
    t('detail.createdBy'),
    t('detail.createdByValue', { name: r.createdBy.name, date: format.dateTime(r.createdAt) }),
  ])
  // the first-response clock (R14) has a card of its own (SlaClock); older answers had only the target
  if (!r.sla) {
    facts.push(['first-response-due', t('detail.firstResponseDue'), format.dateTime(r.firstResponseDueAt)])
  }
  if (r.closedAt) facts.push(['closed', t('detail.closedAt'), format.dateTime(r.closedAt)])
  return (
    <dl className={styles.list} data-testid="request-facts">
      {facts.map(([id, term, value]) => (
        <div key={id} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value} data-testid={`request-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
