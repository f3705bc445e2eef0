import { Badge, Tooltip } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'

type RuleId = keyof typeof import('../i18n/en.ts').en.ruleSentence

const isRuleId = (rule: string): rule is RuleId => /^R(?:[1-9]|1[0-4])$/.test(rule)

/**
 * The rule id as a small neutral badge ("R6"), with the rule in one sentence as its tooltip (on
 * hover and on keyboard focus), so the id stays short and still says something.
 */
export function RuleBadge({ rule, testId }: { rule: string; testId?: string | undefined }) {
  const { t } = useTranslation()
  const badge = (
    <Badge
      appearance="outline"
      color="informative"
      size="small"
      data-testid={testId}
      data-rule={rule}
      tabIndex={isRuleId(rule) ? 0 : undefined}
    >
      {rule}
    </Badge>
  )
  if (!isRuleId(rule)) return badge
  return (
    <Tooltip content={`${rule}: ${t(`ruleSentence.${rule}`)}`} relationship="description" withArrow>
      {badge}
    </Tooltip>
  )
}
