import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../shared/api/client.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import type { Advice, Alternative } from '../api.ts'
import { refusalFromAdvice } from '../refusal.ts'
import { AdviceChecklist } from './AdviceChecklist.tsx'
import { AdviceIncidents } from './AdviceIncidents.tsx'
import { RuleBadge } from './Badges.tsx'
import { RefusalBox } from './RefusalBox.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  stale: { opacity: 0.55 },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: '6px' },
})

/**
 * The policy's answer for the choice so far: the verification checklist (R3), then either "you may"
 * with the rule that allows it, or the refusal with its remedy and alternatives. Active incidents
 * come first (R4: check service health before filing).
 */
export function AdvicePanel({
  advice,
  loading,
  error,
  onRetry,
  onAlternative,
  linkedIncidentId,
  onLinkIncident,
}: {
  advice: Advice | undefined
  loading: boolean
  error: ApiError | null
  onRetry: () => void
  onAlternative: (alternative: Alternative) => void
  /** R4: the incident the request will be linked to, and how to (un)link one. */
  linkedIncidentId?: string | null | undefined
  onLinkIncident?: ((incidentId: string | null) => void) | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  if (error) return <ErrorMessage error={error} onRetry={onRetry} />
  if (!advice)
    return loading ? <Spinner size="small" label={t('advice.checking')} labelPosition="after" /> : null

  return (
    <div
      className={mergeClasses(styles.root, loading && styles.stale)}
      aria-busy={loading}
      aria-live="polite"
      data-testid="advice"
      data-allowed={advice.allowed}
      data-rule={advice.rule ?? ''}
      data-loading={loading}
    >
      <AdviceIncidents
        incidents={advice.incidents}
        canFile={advice.allowed}
        linkedIncidentId={linkedIncidentId}
        onLink={onLinkIncident}
      />
      <AdviceChecklist checks={advice.checks} />
      {advice.allowed ? (
        <MessageBar
          intent="success"
          layout="multiline"
          data-testid="advice-allowed"
          data-rule={advice.rule ?? ''}
        >
          <MessageBarBody className={styles.body}>
            <div className={styles.titleRow}>
              <MessageBarTitle>{t('advice.allowedTitle')}</MessageBarTitle>
              {advice.rule && <RuleBadge rule={advice.rule} testId="advice-rule" />}
            </div>
            <Text data-testid="advice-message">{advice.message}</Text>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <RefusalBox refusal={refusalFromAdvice(advice)} onAlternative={onAlternative} />
      )}
    </div>
  )
}
