import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { ArrowRightRegular, OpenRegular } from '@fluentui/react-icons'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { FOCUS_HEADING, PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { useRouterLinkProps } from '../../../shared/ui/RouterLink.tsx'
import {
  getAdvice,
  getCustomerSubscriptions,
  type Advice,
  type Alternative,
  type HandledBy,
  type ProblemType,
  type Workload,
  WORKLOADS,
} from '../api.ts'
import { EscalationNote } from './EscalationNote.tsx'
import { usePortalsT } from '../../workload-portals/t.ts'
import type { RequestViewer } from '../viewer.ts'
import { CustomerStep } from './wizard/CustomerStep.tsx'
import { DetailsStep } from './wizard/DetailsStep.tsx'
import type { Target } from './wizard/target.ts'
import { WizardSteps, type StepId } from './wizard/WizardSteps.tsx'
import { WorkloadStep } from './wizard/WorkloadStep.tsx'

const useStyles = makeStyles({
  stepTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
  chosen: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXL,
  },
  handoverHint: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
})

/**
 * R3: where a request on a customer's behalf continues — the workload's own portal, in the delegated
 * context for the customer's tenant. Only for the delegated context: the provider's narrower path
 * (R8, no GDAP role) and the user's own requests are filled in right here.
 */
export function handoverPath(
  advice: Advice,
  problemType: ProblemType,
  linkedIncidentId: string | null,
  escalates: string | null = null,
): string | null {
  if (!advice.allowed || advice.tenant.kind !== 'customer' || advice.context !== 'delegated') return null
  const query = new URLSearchParams({ tenant: advice.tenant.tenantId })
  let path: string
  if (advice.workload === 'azure') {
    if (!advice.subscription) return null
    path = '/azure/support/new'
    query.set('subscription', advice.subscription.id)
    if (problemType !== 'technical') query.set('issueType', problemType)
  } else if (advice.portal === 'm365') {
    path = '/admin-center/support/new'
    query.set('workload', advice.workload)
  } else {
    return null
  }
  if (linkedIncidentId && advice.incidents.some((i) => i.id === linkedIncidentId)) {
    query.set('incident', linkedIncidentId)
  }
  // "Escalate to the vendor": the portal's form files the request linked to the customer's
  if (escalates && advice.portal === 'm365') query.set('escalates', escalates)
  return `${path}?${query.toString()}`
}

export function RequestsBreadcrumb({ current }: { current: string }) {
  const { t } = useTranslation()
  const listLink = useRouterLinkProps('/service-requests')
  return (
    <Breadcrumb aria-label={t('requests.backToList')} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton {...listLink}>{t('requests.title')}</BreadcrumbButton>
      </BreadcrumbItem>
      <BreadcrumbDivider />
      <BreadcrumbItem>
        <BreadcrumbButton current>{current}</BreadcrumbButton>
      </BreadcrumbItem>
    </Breadcrumb>
  )
}

/**
 * New request (R2, R3): choose the customer (partners only), then the workload — the policy's
 * verification shows as you pick — then, only when allowed, the workload's form in the context the
 * policy names (delegated for a customer, or your own).
 */
export function NewRequestPage({ viewer }: { viewer: RequestViewer }) {
  const { t } = useTranslation()
  const portalsT = usePortalsT()
  const styles = useStyles()
  const navigate = useNavigate()
  useDocumentTitle(t('wizard.title'))
  const [params, setParams] = useSearchParams()
  const isPartner = viewer.tenantKind === 'partner'
  const initialCustomer = isPartner ? params.get('customer') : null

  const [target, setTarget] = useState<Target | null>(
    isPartner
      ? initialCustomer
        ? { kind: 'customer', tenantId: initialCustomer, name: null }
        : null
      : { kind: 'own' },
  )
  const [step, setStep] = useState<StepId>(target ? 'workload' : 'customer')
  // a link may name the workload too (Escalate to the vendor: customer, workload and the request)
  const givenWorkload = WORKLOADS.find((w) => w === params.get('workload')) ?? null
  const escalates = initialCustomer ? params.get('escalates') : null
  const [workload, setWorkload] = useState<Workload | null>(initialCustomer ? givenWorkload : null)
  const [problemType, setProblemType] = useState<ProblemType>('technical')
  const [subscriptionId, setSubscriptionId] = useState<string | undefined>()
  const [productId, setProductId] = useState<string | undefined>()
  const [handledBy, setHandledBy] = useState<HandledBy | undefined>()
  const [linkedIncidentId, setLinkedIncidentId] = useState<string | null>(null)

  const customerId = target?.kind === 'customer' ? target.tenantId : undefined
  const customer = useApiResource(
    (signal) => (customerId ? getCustomerSubscriptions(customerId, signal) : Promise.resolve(null)),
    [customerId],
  )
  const advice = useApiResource(
    (signal) =>
      workload && target
        ? getAdvice(
            {
              customer: customerId,
              workload,
              subscription: workload === 'azure' ? subscriptionId : undefined,
              product: workload === 'marketplace' ? productId : undefined,
              problemType: workload === 'azure' ? problemType : undefined,
              handledBy,
            },
            signal,
          )
        : Promise.resolve(null),
    [customerId, target?.kind, workload, subscriptionId, productId, problemType, handledBy],
  )
  const current = advice.data && advice.data.workload === workload ? advice.data : undefined
  // The form stays on screen (with what was typed) if a later advice call fails; submit is blocked then.
  const [kept, setKept] = useState<Advice | undefined>()
  if (current && current !== kept) setKept(current)
  const formAdvice = current ?? (kept?.workload === workload ? kept : undefined)
  // What the form showed while allowed (plan, subscription, contact) stays while a change is refused.
  const [allowed, setAllowed] = useState<Advice | undefined>()
  if (current?.allowed && current !== allowed) setAllowed(current)

  const chooseTarget = (next: Target) => {
    setTarget(next)
    setAllowed(undefined)
    setWorkload(null)
    setSubscriptionId(undefined)
    setProductId(undefined)
    setLinkedIncidentId(null)
    // the customer stays in the URL, so a reload or a shared link comes back to it
    setParams(next.kind === 'customer' ? { customer: next.tenantId } : {}, { replace: true })
  }
  const chooseWorkload = (next: Workload) => {
    setWorkload(next)
    setAllowed(undefined)
    setProblemType('technical')
    setSubscriptionId(undefined)
    setProductId(undefined)
    setHandledBy(undefined)
    setLinkedIncidentId(null)
  }
  const takeAlternative = (alternative: Alternative) => {
    if (alternative.problemType) setProblemType(alternative.problemType)
    if (alternative.handledBy) setHandledBy(alternative.handledBy)
  }

  const subscriptions = (customer.data?.subscriptions ?? [])
    .filter((s) => s.workloadId === 'azure' && s.status === 'active')
    .map((s) => ({ id: s.id, name: s.friendlyName }))
  if (current?.subscription && !subscriptions.some((s) => s.id === current.subscription?.id)) {
    subscriptions.unshift(current.subscription)
  }
  const products = (customer.data?.subscriptions ?? []).flatMap((s) =>
    s.marketplaceProduct ? [s.marketplaceProduct] : [],
  )

  // R10: a customer administrator may be offered the partner as well as (or instead of) the vendor.
  const partnerRoute = current?.alternatives.find((a) => a.handledBy === 'partner')
  const partnerName = current?.partners[0]?.name ?? ''
  const handledByChoice =
    viewer.tenantKind === 'customer' && current && (partnerRoute || handledBy === 'partner') && partnerName
      ? { value: handledBy ?? 'vendor', partnerName, onChange: setHandledBy }
      : null

  const customerName =
    current?.tenant.kind === 'customer'
      ? current.tenant.name
      : (customer.data?.customer.displayName ?? (target?.kind === 'customer' ? target.name : null))

  const wizard = useRef<HTMLElement>(null)
  const shownStep = useRef(step)
  // a new step moves focus to its heading, so keyboard and screen-reader users start there
  useEffect(() => {
    if (shownStep.current === step) return
    shownStep.current = step
    wizard.current?.querySelector<HTMLElement>('[data-step-heading]')?.focus()
  }, [step])

  if (viewer.tenantKind === 'vendor') {
    return (
      <>
        <PageHeader title={t('wizard.title')} above={<RequestsBreadcrumb current={t('wizard.title')} />} />
        <MessageBar intent="info" data-testid="wizard-vendor-note">
          <MessageBarBody>{t('wizard.vendorNote')}</MessageBarBody>
        </MessageBar>
      </>
    )
  }

  const canContinue = current !== undefined && current.allowed && !advice.loading
  // R3: for a customer (delegated context) the request continues in the workload's own portal.
  const handover =
    current && !advice.loading ? handoverPath(current, problemType, linkedIncidentId, escalates) : null
  const handsOver = target?.kind === 'customer' && current?.context !== 'provider'
  const steps: StepId[] = isPartner
    ? ['customer', 'workload', handsOver ? 'portal' : 'details']
    : ['workload', 'details']

  return (
    <article data-testid="new-request-wizard" data-step={step} ref={wizard}>
      <PageHeader
        title={t('wizard.title')}
        description={isPartner ? t('wizard.intro') : t('wizard.introCustomer')}
        above={<RequestsBreadcrumb current={t('wizard.title')} />}
      />
      <WizardSteps steps={steps} current={step} />
      {escalates && <EscalationNote requestId={escalates} />}

      {step === 'customer' && (
        <>
          <Subtitle1 as="h2" className={styles.stepTitle} tabIndex={-1} data-step-heading>
            {t('wizard.customer.title')}
          </Subtitle1>
          <CustomerStep value={target} ownTenantName={viewer.tenantName} onChange={chooseTarget} />
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<ArrowRightRegular />}
              iconPosition="after"
              disabled={!target}
              onClick={() => setStep('workload')}
              data-testid="wizard-next"
            >
              {t('wizard.next')}
            </Button>
          </div>
        </>
      )}

      {step !== 'customer' && isPartner && target && (
        <div className={styles.chosen} data-testid="wizard-chosen-target" data-kind={target.kind}>
          <Text>
            {target.kind === 'own'
              ? t('wizard.chosen.own', { tenant: viewer.tenantName })
              : t('wizard.chosen.customer', { customer: customerName ?? target.tenantId })}
          </Text>
          <Link as="button" onClick={() => setStep('customer')} data-testid="wizard-change-customer">
            {t('wizard.chosen.change')}
          </Link>
        </div>
      )}
      {step !== 'customer' && customer.error && (
        <ErrorMessage error={customer.error} onRetry={customer.reload} />
      )}

      {step === 'workload' && (
        <>
          <Subtitle1 as="h2" className={styles.stepTitle} tabIndex={-1} data-step-heading>
            {t('wizard.workload.title')}
          </Subtitle1>
          <WorkloadStep
            workload={workload}
            onWorkload={chooseWorkload}
            advice={advice}
            onAlternative={takeAlternative}
            handledByChoice={handledByChoice}
            products={products}
            productId={productId}
            onProduct={setProductId}
            linkedIncidentId={linkedIncidentId}
            onLinkIncident={setLinkedIncidentId}
          />
          <div className={styles.actions}>
            {isPartner && (
              <Button onClick={() => setStep('customer')} data-testid="wizard-back">
                {t('wizard.back')}
              </Button>
            )}
            {handover && current ? (
              <>
                <Button
                  appearance="primary"
                  icon={<OpenRegular />}
                  iconPosition="after"
                  onClick={() => void navigate(handover, { state: FOCUS_HEADING })}
                  data-testid="wizard-handover"
                  data-portal={current.portal ?? ''}
                  data-href={handover}
                >
                  {current.portal === 'azure'
                    ? portalsT('handover.continueAzure')
                    : portalsT('handover.continueM365')}
                </Button>
                <Text className={styles.handoverHint} size={200} data-testid="wizard-handover-hint">
                  {portalsT('handover.hint', {
                    portal:
                      current.portal === 'azure' ? portalsT('azure.portalName') : portalsT('m365.portalName'),
                    customer: current.tenant.name,
                    partner: viewer.tenantName,
                  })}
                </Text>
              </>
            ) : (
              <Button
                appearance="primary"
                icon={<ArrowRightRegular />}
                iconPosition="after"
                disabled={!canContinue}
                onClick={() => setStep('details')}
                data-testid="wizard-next"
              >
                {t('wizard.next')}
              </Button>
            )}
          </div>
        </>
      )}

      {step === 'details' && workload && formAdvice && (
        <DetailsStep
          viewer={viewer}
          choice={{
            customerTenantId: customerId,
            workload,
            problemType,
            productId,
            handledBy,
            linkedIncident: formAdvice.incidents.find((i) => i.id === linkedIncidentId) ?? null,
          }}
          advice={formAdvice}
          lastAllowed={allowed?.workload === workload ? allowed : undefined}
          adviceResource={advice}
          subscriptions={subscriptions}
          onSubscription={setSubscriptionId}
          onProblemType={setProblemType}
          onAlternative={takeAlternative}
          onBack={() => setStep('workload')}
        />
      )}
    </article>
  )
}
