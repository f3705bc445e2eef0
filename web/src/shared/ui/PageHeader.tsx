import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components'
import { useEffect, useRef, type ReactNode } from 'react'
import { useLocation } from 'react-router'

/** Navigation state asking the next page to move focus to its heading (after a hand-over). */
export const FOCUS_HEADING = { focusHeading: true } as const

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
  const heading = useRef<HTMLDivElement>(null)
  const location = useLocation()
  const focusHeading = (location.state as { focusHeading?: boolean } | null)?.focusHeading === true
  // a keyboard or screen-reader user handed over from another page starts at its heading
  useEffect(() => {
    if (focusHeading) heading.current?.querySelector('h1')?.focus()
  }, [focusHeading, location.key])
  return (
    <header className={styles.root}>
      {above && <div className={styles.above}>{above}</div>}
      <div className={styles.row}>
        <div className={styles.heading} ref={heading}>
          <Title2 as="h1" tabIndex={-1}>
            {title}
          </Title2>
          {below}
          {description && <Text className={styles.description}>{description}</Text>}
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </header>
  )
}
