import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  TableCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components'
import { useState } from 'react'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { type CsvReport, importUsers } from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { asApiError, ReadOnlyNote, useDirectoryAdmin, useDirectoryStyles } from './parts.tsx'

const COLUMNS =
  'userPrincipalName, displayName, givenName, surname, jobTitle, mobilePhone, preferredLanguage, accountEnabled, groups'

/** Users from CSV: a dry run lists every row's problem; apply changes all rows or none. */
export function UsersImportPage() {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  useDocumentTitle(t('csv.title'))
  const admin = useDirectoryAdmin()
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<CsvReport | null>(null)
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (mode: 'dry-run' | 'apply') => {
    setBusy(true)
    setError(null)
    try {
      setReport(await importUsers(mode, csv))
    } catch (e) {
      const failure = asApiError(e)
      // an apply with problems (rows changed since the dry run) answers 422 and changes nothing:
      // show why, from a new dry run
      if (failure.status === 422 && mode === 'apply')
        setReport({ ...(await importUsers('dry-run', csv)), mode: 'apply' })
      else setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const readFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text())
    setReport(null)
  }

  return (
    <div className={styles.page}>
      <PageHeader
        above={<RouterLink to="/directory/users">{t('user.back')}</RouterLink>}
        title={t('csv.title')}
        description={t('csv.description')}
      />
      {admin === false && <ReadOnlyNote />}
      <Text className={styles.mono}>{t('csv.columns', { columns: COLUMNS })}</Text>
      <Field label={t('csv.file')}>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="csv-file"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
      </Field>
      <Field label={t('csv.text')}>
        <Textarea
          value={csv}
          rows={8}
          onChange={(_e, d) => {
            setCsv(d.value)
            setReport(null)
          }}
          data-testid="csv-text"
        />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={busy || !csv.trim() || !admin}
          onClick={() => void run('dry-run')}
          data-testid="csv-dry-run"
        >
          {t('csv.dryRun')}
        </Button>
        <Button
          appearance="primary"
          disabled={busy || !admin || !report || report.mode !== 'dry-run' || report.problems.length > 0}
          onClick={() => void run('apply')}
          data-testid="csv-apply"
        >
          {t('csv.apply')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} />}
      {report && <Report report={report} />}
      {report && report.problems.length > 0 && (
        <ListTable
          label={t('csv.title')}
          columns={[t('csv.row'), t('csv.column'), t('csv.problem')]}
          data-testid="csv-problems"
        >
          {report.problems.map((p, i) => (
            <TableRow key={i}>
              <TableCell className={cells.cell}>{p.row}</TableCell>
              <TableCell className={cells.cell}>{p.column ?? t('common.none')}</TableCell>
              <TableCell className={cells.cell}>{p.message}</TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
    </div>
  )
}

function Report({ report }: { report: CsvReport }) {
  const t = useDirectoryT()
  const applied = report.mode === 'apply' && report.problems.length === 0
  const intent = report.problems.length > 0 ? 'warning' : 'success'
  return (
    <MessageBar intent={intent} data-testid="csv-report">
      <MessageBarBody>
        {t('csv.rows', { rows: report.rows, valid: report.valid })}{' '}
        {applied
          ? t('csv.applied', { applied: report.applied })
          : report.problems.length > 0
            ? report.mode === 'apply'
              ? t('csv.notApplied')
              : ''
            : t('csv.ok')}
      </MessageBarBody>
    </MessageBar>
  )
}
