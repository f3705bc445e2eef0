import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { useAppsTranslation } from '../translation.ts'

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
})

/** A client secret as the server hands it out: once, with a copy button (it is never shown again). */
export function SecretShownOnce({ secret, testId }: { secret: string; testId: string }) {
  const { t } = useAppsTranslation()
  return (
    <>
      {t('secretShownOnce')}
      <CopyableText value={secret} copyLabel={t('copySecret')} testId={testId} />
    </>
  )
}

/** One credential of an app as a table row: what it is, how to recognise it (monospace), when it expires. */
export interface CredentialRow {
  id: string
  name: string
  fingerprint: string
  expiresAt: string
}

const day = (iso: string) => new Date(iso).toLocaleDateString()

/** An app's secrets or certificates, each with Remove; the caller adds the empty state and the form. */
export function CredentialTable({
  label,
  nameHeader,
  fingerprintHeader,
  rows,
  busy,
  onRemove,
}: {
  label: string
  nameHeader: string
  fingerprintHeader: string
  rows: CredentialRow[]
  busy: boolean
  onRemove: (id: string) => void
}) {
  const { t } = useAppsTranslation()
  const styles = useStyles()
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{nameHeader}</TableHeaderCell>
          <TableHeaderCell>{fingerprintHeader}</TableHeaderCell>
          <TableHeaderCell>{t('expires')}</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.name}</TableCell>
            <TableCell className={styles.mono}>{r.fingerprint}</TableCell>
            <TableCell>{day(r.expiresAt)}</TableCell>
            <TableCell>
              <Button size="small" disabled={busy} onClick={() => onRemove(r.id)}>
                {t('remove')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
