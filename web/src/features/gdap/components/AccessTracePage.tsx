import {
  Badge,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import {
  ArrowDownRegular,
  CheckmarkCircleFilled,
  DismissCircleFilled,
  PersonSearch20Regular,
  SubtractCircleRegular,
} from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  canFileTickets,
  getTrace,
  listCustomerChoices,
  listRoles,
  listUsers,
  type AccessTrace,
  type GdapRole,
  type TraceStep,
  type TraceStepState,
  type TraceWorkload,
} from '../api.ts'
import type { GdapViewer } from '../viewer.ts'
import { AssignmentStatusBadge, RelationshipStatusBadge, RuleBadge } from './StatusBadges.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  pickers: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  picker: { minWidth: '280px' },
  chain: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', maxWidth: '1100px' },
  arrow: {
    alignSelf: 'flex-start',
    marginLeft: '18px',
    color: tokens.colorNeutralForeground3,
    fontSize: '20px',
    lineHeight: 0,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  step: {
    display: 'grid',
    gridTemplateColumns: '36px 1fr',
    columnGap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  stepBroken: { border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}` },
  stepAfterBreak: { backgroundColor: tokens.colorNeutralBackground2, opacity: 0.85 },
  number: {
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  stepBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  stepTitle: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: '20px' },
  broken: { color: tokens.colorPaletteRedForeground1, fontSize: '20px' },
  unreached: { color: tokens.colorNeutralForeground3, fontSize: '20px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  line: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  path: {
    fontFamily: tokens.fontFamilyBase,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  relationship: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  verdicts: { tableLayout: 'auto' },
  result: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  verdictName: { whiteSpace: 'nowrap', width: '1%' },
  verdictCell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  remedy: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  emptyIcon: { fontSize: '40px' },
})

/** Why a partner user can (or cannot) act in a customer: the GDAP chain, step by step, and the rules' verdicts. */
export function AccessTracePage({ viewer }: { viewer: GdapViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  useDocumentTitle(t('gdapTrace.title'))
  const [params, changeParams] = useUrlParams()
  const user = params.get('user') ?? viewer.email
  const customer = params.get('customer') ?? ''
  const partner = viewer.tenantKind === 'partner'

  const users = useApiResource((signal) => (partner ? listUsers(signal) : Promise.resolve([])), [partner])
  const customers = useApiResource(
    (signal) => (partner ? listCustomerChoices(signal) : Promise.resolve([])),
    [partner],
  )
  const catalog = useApiResource(
    (signal) => (partner ? listRoles(signal) : Promise.resolve<GdapRole[]>([])),
    [partner],
  )
  const trace = useApiResource(
    (signal) => (partner && user && customer ? getTrace(user, customer, signal) : Promise.resolve(null)),
    [partner, user, customer],
  )

  const choose = (key: 'user' | 'customer', value: string) => {
    changeParams(
      (next) => {
        if (key === 'user') next.set('user', value)
        else if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  }

  if (!partner) {
    return (
      <>
        <PageHeader title={t('gdapTrace.title')} />
        <MessageBar intent="info" data-testid="gdap-trace-partner-only">
          <MessageBarBody>{t('gdapTrace.partnerOnly')}</MessageBarBody>
        </MessageBar>
      </>
    )
  }

  return (
    <>
      <PageHeader title={t('gdapTrace.title')} description={t('gdapTrace.intro')} />
      <div className={styles.pickers}>
        <Field label={t('gdapTrace.user')} className={styles.picker}>
          <Select
            value={user}
            onChange={(_event, data) => choose('user', data.value)}
            data-testid="gdap-trace-user"
          >
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.email}>
                {u.displayName} ({u.email})
              </option>
            ))}
            {!users.data?.some((u) => u.email === user) && <option value={user}>{user}</option>}
          </Select>
        </Field>
        <Field label={t('gdapTrace.customer')} className={styles.picker}>
          <Select
            value={customer}
            onChange={(_event, data) => choose('customer', data.value)}
            data-testid="gdap-trace-customer"
          >
            <option value="">{t('gdapTrace.customerPlaceholder')}</option>
            {(customers.data ?? []).map((c) => (
              <option key={c.tenantId} value={c.tenantId}>
                {c.displayName}
              </option>
            ))}
          </Select>
        </Field>
        {trace.loading && customer && <Spinner size="tiny" label={t('gdapTrace.loading')} />}
      </div>
      {users.error && <ErrorMessage error={users.error} onRetry={users.reload} />}
      {customers.error && <ErrorMessage error={customers.error} onRetry={customers.reload} />}
      {trace.error && <ErrorMessage error={trace.error} onRetry={trace.reload} />}
      {!customer && (
        <div className={styles.empty} data-testid="gdap-trace-pick">
          <PersonSearch20Regular className={styles.emptyIcon} aria-hidden />
          <Text>{t('gdapTrace.pick')}</Text>
        </div>
      )}
      {customer && !trace.data && trace.loading && <LoadingState label={t('gdapTrace.loading')} />}
      {customer && trace.data && <TraceChain trace={trace.data} catalog={catalog.data ?? []} />}
    </>
  )
}

type StepState = TraceStepState | 'summary'

function Step({
  number,
  title,
  state,
  testId,
  children,
}: {
  number: number
  title: string
  /** `summary` (the verdicts) is no link of the chain: it gets no mark of its own. */
  state: StepState
  testId: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <section
      className={mergeClasses(
        styles.step,
        state === 'broken' && styles.stepBroken,
        state === 'after_break' && styles.stepAfterBreak,
      )}
      data-testid={testId}
      data-ok={state === 'ok' || state === 'summary'}
      data-state={state}
      aria-label={title}
    >
      <span className={styles.number} aria-hidden>
        {number}
      </span>
      <div className={styles.stepBody}>
        <div className={styles.stepTitle}>
          <Text weight="semibold" size={400}>
            {title}
          </Text>
          {state === 'ok' && (
            <CheckmarkCircleFilled className={styles.ok} aria-label={t('gdapTrace.stepOk')} />
          )}
          {state === 'broken' && (
            <DismissCircleFilled className={styles.broken} aria-label={t('gdapTrace.stepBroken')} />
          )}
          {state === 'after_break' && (
            <SubtractCircleRegular className={styles.unreached} aria-label={t('gdapTrace.stepAfterBreak')} />
          )}
        </div>
        {state === 'after_break' && (
          <Caption1 className={styles.muted} data-testid="trace-step-after-break">
            {t('gdapTrace.afterBreakHint')}
          </Caption1>
        )}
        {children}
      </div>
    </section>
  )
}

function Arrow() {
  const styles = useStyles()
  return (
    <span className={styles.arrow} aria-hidden>
      <ArrowDownRegular />
    </span>
  )
}

function Path({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const styles = useStyles()
  if (path.length <= 1) return <Caption1 className={styles.muted}>{t('gdapTrace.directMember')}</Caption1>
  return (
    <Caption1 className={styles.muted}>
      {t('gdapTrace.nested')}{' '}
      <span className={styles.path} data-testid="trace-path">
        {path.join(' → ')}
      </span>
    </Caption1>
  )
}

function YesNo({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId?: string }) {
  return (
    <Badge
      appearance="tint"
      color={ok ? 'success' : 'danger'}
      icon={ok ? <CheckmarkCircleFilled /> : <DismissCircleFilled />}
      data-testid={testId}
      data-ok={ok}
    >
      {ok ? yes : no}
    </Badge>
  )
}

function TraceChain({ trace, catalog }: { trace: AccessTrace; catalog: GdapRole[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const assignments = trace.relationships.flatMap((r) => r.assignments.map((a) => ({ relationship: r, a })))
  const roleOf = (id: string) => catalog.find((r) => r.id === id)
  // the server says which link is the first that breaks; the ones after it are not reached
  const stateOf = (step: TraceStep): TraceStepState =>
    trace.steps?.find((s) => s.step === step)?.state ?? 'after_break'

  return (
    <div
      className={styles.chain}
      data-testid="gdap-trace"
      data-user={trace.user.email}
      data-customer-id={trace.customer.tenantId}
    >
      <Step number={1} title={t('gdapTrace.step.user')} state={stateOf('user')} testId="trace-step-user">
        <div className={styles.line}>
          <span className={styles.strong}>{trace.user.displayName}</span>
          <span className={styles.muted}>{trace.user.email}</span>
          <YesNo
            ok={trace.user.adminAgent}
            yes={t('gdapTrace.adminAgentYes')}
            no={t('gdapTrace.adminAgentNo')}
            testId="trace-admin-agent"
          />
        </div>
        {!trace.user.adminAgent && (
          <Caption1 className={styles.muted}>{t('gdapTrace.adminAgentHint')}</Caption1>
        )}
      </Step>
      <Arrow />
      <Step
        number={2}
        title={t('gdapTrace.step.relationships', { customer: trace.customer.name })}
        state={stateOf('relationship')}
        testId="trace-step-relationships"
      >
        {trace.relationships.length === 0 ? (
          <Text className={styles.muted}>{t('gdapTrace.noRelationships')}</Text>
        ) : (
          <ul className={styles.list}>
            {trace.relationships.map((r) => (
              <li
                key={r.id}
                className={styles.relationship}
                data-testid="trace-relationship"
                data-relationship-id={r.id}
                data-status={r.status}
                data-gives-access={r.givesAccess}
              >
                <div className={styles.line}>
                  <RouterLink to={`/gdap/relationships/${encodeURIComponent(r.id)}`}>
                    {r.displayName}
                  </RouterLink>
                  <RelationshipStatusBadge status={r.status} />
                  <YesNo ok={r.givesAccess} yes={t('gdapTrace.givesAccess')} no={t('gdapTrace.noAccess')} />
                  {r.endAt && (
                    <Caption1 className={styles.muted}>
                      {t(
                        new Date(r.endAt).getTime() <= Date.now()
                          ? 'gdapStatus.endedOn'
                          : 'gdapStatus.endsOn',
                        {
                          date: format.date(r.endAt),
                        },
                      )}
                    </Caption1>
                  )}
                </div>
                <Caption1 className={styles.muted}>
                  {t('gdapTrace.relationshipRoles', {
                    roles: r.roles.map((x) => entraRoleName({ id: x.id, name: x.displayName })).join(', '),
                  })}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </Step>
      <Arrow />
      <Step
        number={3}
        title={t('gdapTrace.step.groups')}
        state={stateOf('groups')}
        testId="trace-step-groups"
      >
        {trace.groups.length === 0 ? (
          <Text className={styles.muted}>{t('gdapTrace.noGroups')}</Text>
        ) : (
          <ul className={styles.list}>
            {trace.groups.map((g) => (
              <li
                key={g.id}
                className={styles.line}
                data-testid="trace-group"
                data-group-id={g.id}
                data-path={g.path.join(' > ')}
              >
                <span className={styles.strong}>{g.displayName}</span>
                {(g.paths && g.paths.length > 0 ? g.paths : [g.path]).map((path) => (
                  <Path key={path.join('>')} path={path} />
                ))}
              </li>
            ))}
          </ul>
        )}
      </Step>
      <Arrow />
      <Step
        number={4}
        title={t('gdapTrace.step.assignments')}
        state={stateOf('assignments')}
        testId="trace-step-assignments"
      >
        {assignments.length === 0 ? (
          <Text className={styles.muted}>{t('gdapTrace.noAssignments')}</Text>
        ) : (
          <ul className={styles.list}>
            {assignments.map(({ relationship, a }) => (
              <li
                key={a.id}
                className={styles.line}
                data-testid="trace-assignment"
                data-assignment-id={a.id}
                data-status={a.status}
                data-reaches-user={a.reachesUser}
                data-blocked-by={a.blockedBy ?? ''}
              >
                <span className={styles.strong}>{a.group.displayName}</span>
                <span>
                  → {a.roles.map((r) => entraRoleName({ id: r.id, name: r.displayName })).join(', ')}
                </span>
                <AssignmentStatusBadge status={a.status} />
                <YesNo ok={a.reachesUser} yes={t('gdapTrace.reaches')} no={t('gdapTrace.notReaches')} />
                {a.blockedBy && (
                  <Caption1 className={styles.muted} data-testid="trace-assignment-blocked">
                    {t(`gdapTrace.blockedBy.${a.blockedBy}`, {
                      status: t(`gdapStatus.${relationship.status}`, {
                        defaultValue: relationship.status,
                      }).toLocaleLowerCase(),
                    })}
                  </Caption1>
                )}
                {(a.memberOfGroup ?? a.reachesUser) && <Path path={a.path} />}
                <Caption1 className={styles.muted}>
                  {t('gdapTrace.inRelationship', { name: relationship.displayName })}
                </Caption1>
              </li>
            ))}
          </ul>
        )}
      </Step>
      <Arrow />
      <Step number={5} title={t('gdapTrace.step.roles')} state={stateOf('roles')} testId="trace-step-roles">
        {trace.grants.length === 0 ? (
          <Text className={styles.muted}>{t('gdapTrace.noGrants')}</Text>
        ) : (
          <>
            <ul className={styles.list}>
              {trace.grants.map((g) => (
                <li
                  key={`${g.assignmentId}-${g.roleId}`}
                  className={styles.line}
                  data-testid="trace-grant"
                  data-role-id={g.roleId}
                >
                  <span className={styles.strong}>{entraRoleName({ id: g.roleId, name: g.roleName })}</span>
                  <span className={styles.muted}>
                    {t('gdapTrace.grant', { group: g.groupName, relationship: g.relationshipName })}
                  </span>
                  {roleOf(g.roleId) && (
                    <YesNo
                      ok={canFileTickets(roleOf(g.roleId)!)}
                      yes={t('gdapTrace.filesTickets')}
                      no={t('gdapTrace.noTickets')}
                      testId="trace-grant-tickets"
                    />
                  )}
                </li>
              ))}
            </ul>
            <Caption1 className={styles.muted}>{t('gdapTrace.azureHint')}</Caption1>
          </>
        )}
      </Step>
      <Arrow />
      <Step number={6} title={t('gdapTrace.step.verdicts')} state="summary" testId="trace-step-verdicts">
        <Table
          className={styles.verdicts}
          aria-label={t('gdapTrace.step.verdicts')}
          data-testid="trace-verdicts"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.verdictName}>
                {t('gdapTrace.column.workload')}
              </TableHeaderCell>
              <TableHeaderCell className={styles.verdictName}>{t('gdapTrace.column.result')}</TableHeaderCell>
              <TableHeaderCell>{t('gdapTrace.column.why')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {trace.verdicts.map((v) => (
              <TableRow
                key={v.workload}
                data-testid="trace-verdict"
                data-workload={v.workload}
                data-allowed={v.allowed}
                data-rule={v.rule ?? ''}
                data-reason={v.reason}
              >
                <TableCell className={mergeClasses(styles.verdictCell, styles.verdictName)}>
                  <span className={styles.strong}>
                    {t(`gdapTrace.workload.${v.workload as TraceWorkload}`)}
                  </span>
                </TableCell>
                <TableCell className={mergeClasses(styles.verdictCell, styles.verdictName)}>
                  <span className={styles.result}>
                    <YesNo ok={v.allowed} yes={t('gdapTrace.allowed')} no={t('gdapTrace.refused')} />
                    {v.rule && <RuleBadge rule={v.rule} />}
                  </span>
                </TableCell>
                <TableCell className={styles.verdictCell}>
                  <Text data-testid="trace-verdict-message">{v.message}</Text>
                  {v.remedy && (
                    <Text className={styles.remedy} data-testid="trace-verdict-remedy">
                      <span className={styles.label}>{t('gdapTrace.remedy')}: </span>
                      {v.remedy}
                    </Text>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Step>
    </div>
  )
}
