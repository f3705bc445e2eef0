import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalL },
  above: { marginBottom: tokens.spacingVerticalS },
  description: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
})

/** The page's h1, with optional content above it (breadcrumb) and a one-line description. */
export function PageHeader({
  title,
  description,
  above,
}: {
  title: string
  description?: string
  above?: ReactNode
}) {
  const styles = useStyles()
  return (
    <header className={styles.root}>
      {above && <div className={styles.above}>{above}</div>}
      <Title2 as="h1">{title}</Title2>
      {description && <Text className={styles.description}>{description}</Text>}
    </header>
  )
}
