import { Spinner, makeStyles, tokens } from '@fluentui/react-components'

const useStyles = makeStyles({
  root: { display: 'flex', justifyContent: 'center', padding: tokens.spacingVerticalXXL },
})

export function LoadingState({ label }: { label: string }) {
  const styles = useStyles()
  return (
    <div className={styles.root} role="status">
      <Spinner size="medium" label={label} />
    </div>
  )
}
