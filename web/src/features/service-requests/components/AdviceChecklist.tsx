import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components'
import { CheckmarkCircle20Filled, DismissCircle20Filled } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import type { PolicyCheck } from '../api.ts'
import { RuleBadge } from './Badges.tsx'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  title: { display: 'block', fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  list: {
    ...plainList,
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  failedText: { color: tokens.colorPaletteRedForeground1 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
})

/** R3: the verification before the form — relationship, role, assignment, RBAC — each ✓ or ✗. */
export function AdviceChecklist({ checks }: { checks: PolicyCheck[] }) {
  const { t } = useTranslation()
  const styles = useStyles()
  if (checks.length === 0) return null
  return (
    <div data-testid="advice-checklist">
      <Caption1 as="h3" className={styles.title} id="advice-checklist-title">
        {t('advice.checklistTitle')}
      </Caption1>
      <ul className={styles.list} aria-labelledby="advice-checklist-title">
        {checks.map((c) => (
          <li
            key={`${c.rule}-${c.check}`}
            className={styles.item}
            data-testid="advice-check"
            data-check={c.check}
            data-ok={c.ok}
            data-rule={c.rule}
          >
            {c.ok ? (
              <CheckmarkCircle20Filled className={styles.ok} aria-hidden />
            ) : (
              <DismissCircle20Filled className={styles.failed} aria-hidden />
            )}
            <span className={styles.hidden}>{c.ok ? t('advice.passed') : t('advice.failed')}: </span>
            <Text className={c.ok ? undefined : styles.failedText}>{c.label}</Text>
            <RuleBadge rule={c.rule} />
          </li>
        ))}
      </ul>
    </div>
  )
}
