import { Button } from '@fluentui/react-components'
import { ArrowClockwiseRegular } from '@fluentui/react-icons'

/** A page header's "Refresh": reloads the list, disabled while it is loading. */
export function RefreshButton({
  label,
  loading,
  onClick,
  'data-testid': testId,
}: {
  label: string
  loading: boolean
  onClick: () => void
  'data-testid'?: string
}) {
  return (
    <Button
      appearance="subtle"
      icon={<ArrowClockwiseRegular />}
      onClick={onClick}
      disabled={loading}
      data-testid={testId}
    >
      {label}
    </Button>
  )
}
