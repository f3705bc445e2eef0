import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalL },
  above: { marginBottom: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  heading: { flexGrow: 1, flexBasis: 0, minWidth: '280px' },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  description: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
})

/**
 * The page's h1, with optional content above it (breadcrumb), a one-line description, and
 * actions (buttons) on the right of the title.
 */
export function PageHeader({
  title,
  description,
  above,
  actions,
  below,
}: {
  title: string
  description?: string
  above?: ReactNode
  actions?: ReactNode
  /** Shown right under the title (e.g. status badges). */
  below?: ReactNode
}) {
  const styles = useStyles()
  return (
    <header className={styles.root}>
      {above && <div className={styles.above}>{above}</div>}
      <div className={styles.row}>
        <div className={styles.heading}>
          <Title2 as="h1">{title}</Title2>
          {below}
          {description && <Text className={styles.description}>{description}</Text>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </header>
  )
}
