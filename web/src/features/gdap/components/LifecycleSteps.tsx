import { Caption1, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import type { GdapStatus } from '../api.ts'

type Step = 'created' | 'approvalPending' | 'active' | 'ended'
const STEPS: Step[] = ['created', 'approvalPending', 'active', 'ended']

/** Where a status sits on the path, and whether it is on its way to the next step. */
function positionOf(status: GdapStatus): { step: Step; moving: boolean } {
  switch (status) {
    case 'created':
      return { step: 'created', moving: false }
    case 'approvalPending':
      return { step: 'approvalPending', moving: false }
    case 'approved':
    case 'activating':
      return { step: 'active', moving: true }
    case 'active':
    case 'expiring':
      return { step: 'active', moving: false }
    case 'terminationRequested':
    case 'terminating':
      return { step: 'ended', moving: true }
    case 'expired':
    case 'terminated':
      return { step: 'ended', moving: false }
  }
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalS,
  },
  step: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  connector: {
    width: '48px',
    height: '2px',
    marginLeft: tokens.spacingHorizontalS,
    marginRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralStroke2,
  },
  connectorDone: { backgroundColor: tokens.colorBrandStroke1 },
  dot: {
    width: '24px',
    height: '24px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground1,
    boxSizing: 'border-box',
  },
  done: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorBrandForeground1,
  },
  failed: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBackground3}`,
  },
  skipped: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground4,
  },
  label: { color: tokens.colorNeutralForeground3 },
  labelSkipped: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground4 },
  labelCurrent: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  explanation: { color: tokens.colorNeutralForeground2, maxWidth: '900px' },
})

/** created → approval pending → active → expired / terminated, with the current status explained. */
export function LifecycleSteps({
  status,
  activated = true,
}: {
  status: GdapStatus
  /** False when it never became active (rejected, or lapsed): that step is shown as skipped. */
  activated?: boolean
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const { step, moving } = positionOf(status)
  const at = STEPS.indexOf(step)
  const ended = status === 'expired' || status === 'terminated'

  return (
    <div className={styles.root} data-testid="gdap-lifecycle" data-status={status} data-step={step}>
      <ol className={styles.steps} aria-label={t('gdapLifecycle.label')}>
        {STEPS.map((s, index) => {
          const skipped = s === 'active' && index < at && !activated
          const done = index < at && !skipped
          const current = index === at
          const label = s === 'ended' && ended ? t(`gdapStatus.${status}`) : t(`gdapLifecycle.step.${s}`)
          return (
            <li
              key={s}
              className={styles.step}
              aria-current={current ? 'step' : undefined}
              data-step-state={current ? 'current' : skipped ? 'skipped' : done ? 'done' : 'todo'}
            >
              {index > 0 && (
                <span
                  className={mergeClasses(styles.connector, index <= at && styles.connectorDone)}
                  aria-hidden
                />
              )}
              <span
                className={mergeClasses(
                  styles.dot,
                  done && styles.done,
                  skipped && styles.skipped,
                  current && (moving ? styles.current : ended ? styles.failed : styles.done),
                )}
                aria-hidden
              >
                {current && moving ? (
                  <Spinner size="extra-tiny" />
                ) : current && ended ? (
                  <DismissRegular />
                ) : skipped ? (
                  '–'
                ) : done ? (
                  <CheckmarkRegular />
                ) : (
                  index + 1
                )}
              </span>
              <Text
                className={mergeClasses(
                  current ? styles.labelCurrent : styles.label,
                  skipped && styles.labelSkipped,
                )}
              >
                {label}
              </Text>
            </li>
          )
        })}
      </ol>
      <Caption1 className={styles.explanation} data-testid="gdap-lifecycle-explanation">
        {t(`gdapLifecycle.explain.${status}`)}
      </Caption1>
    </div>
  )
}
