import { Caption1, makeStyles, tokens } from '@fluentui/react-components'
import { InfoRegular } from '@fluentui/react-icons'

const useStyles = makeStyles({
  reason: {
    display: 'inline-flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    maxWidth: '420px',
    color: tokens.colorNeutralForeground2,
  },
  icon: { flexShrink: 0, marginTop: '2px' },
})

/**
 * Why an action is not offered to this person, shown beside the disabled control (and its
 * description for screen readers, through `id`): said before the click, not after it fails.
 */
export function DisabledReason({ id, children }: { id: string; children: string }) {
  const styles = useStyles()
  return (
    <Caption1 id={id} className={styles.reason} data-testid="disabled-reason">
      <InfoRegular className={styles.icon} aria-hidden />
      {children}
    </Caption1>
  )
}
