import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import type { FluentIcon } from '@fluentui/react-icons'
import type { ReactNode } from 'react'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  icon: { fontSize: '40px' },
})

/** A list's "nothing here" state: a large icon, a line of text and, optionally, an action below. */
export function EmptyState({
  icon: Icon,
  message,
  iconClassName,
  children,
  'data-testid': testId,
}: {
  icon: FluentIcon
  message: ReactNode
  iconClassName?: string
  children?: ReactNode
  'data-testid'?: string
}) {
  const styles = useStyles()
  return (
    <div className={styles.root} data-testid={testId}>
      <Icon className={mergeClasses(styles.icon, iconClassName)} aria-hidden />
      <Text>{message}</Text>
      {children}
    </div>
  )
}
