import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components'
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
})

async function copyToClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text)
  // Plain-HTTP origins other than localhost have no Clipboard API.
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  document.execCommand('copy')
  area.remove()
}

/** Monospace text with a copy button; the button's label says what gets copied. */
export function CopyableText({
  value,
  copyLabel,
  testId,
}: {
  value: string
  copyLabel: string
  testId?: string
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    if (!copied) return
    const timer = window.setTimeout(() => setCopied(false), 2000)
    return () => window.clearTimeout(timer)
  }, [copied])

  return (
    <span className={styles.root}>
      <span className={styles.value} data-testid={testId}>
        {value}
      </span>
      <Tooltip content={copied ? t('common.copied') : copyLabel} relationship="label">
        <Button
          size="small"
          appearance="subtle"
          icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copyToClipboard(value).then(() => setCopied(true))}
        />
      </Tooltip>
    </span>
  )
}
