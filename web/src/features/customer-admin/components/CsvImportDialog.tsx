import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useState } from 'react'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { importCustomersCsv, type ImportKind, type ImportReport } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  rows: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  problem: { color: tokens.colorPaletteRedForeground1 },
})

/**
 * Customers or subscriptions from a CSV file: a dry run first (every row's problems, nothing
 * written), then the import, which writes all rows or none.
 */
export function CsvImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean
  onClose: () => void
  onImported: () => void
}) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const [kind, setKind] = useState<ImportKind>('customers')
  const [csv, setCsv] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const { busy, error, setError, run: attempt } = useApiAction()

  const close = () => {
    setCsv(null)
    setReport(null)
    setError(null)
    onClose()
  }

  const run = async (dryRun: boolean) => {
    if (!csv) return
    await attempt(async () => {
      const answer = await importCustomersCsv(kind, csv, dryRun)
      setReport(answer)
      if (answer.applied) onImported()
    })
  }

  const withProblems = report?.rows.filter((r) => r.problems.length > 0) ?? []
  const created = report?.applied ? report.rows.filter((r) => r.created?.password) : []
  const canApply = report?.dryRun === true && withProblems.length === 0 && !busy

  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && !busy && close()}>
      <DialogSurface data-testid="csv-import-dialog">
        <DialogBody>
          <DialogTitle>{t('csv.title')}</DialogTitle>
          <DialogContent className={styles.body}>
            <Field label={t('csv.kind')}>
              <RadioGroup
                layout="horizontal"
                value={kind}
                onChange={(_e, data) => {
                  setKind(data.value as ImportKind)
                  setReport(null)
                }}
              >
                <Radio value="customers" label={t('csv.kindCustomers')} />
                <Radio value="subscriptions" label={t('csv.kindSubscriptions')} />
              </RadioGroup>
            </Field>
            <Field
              label={t('csv.file')}
              hint={kind === 'customers' ? t('csv.columnsCustomers') : t('csv.columnsSubscriptions')}
            >
              <input
                type="file"
                accept=".csv,text/csv"
                data-testid="csv-import-file"
                onChange={(event) => {
                  setReport(null)
                  const file = event.target.files?.[0]
                  if (file) void file.text().then(setCsv)
                  else setCsv(null)
                }}
              />
            </Field>
            {error && <ErrorMessage error={error} />}
            {report && (
              <div data-testid="csv-import-report" data-applied={report.applied}>
                <MessageBar intent={withProblems.length ? 'error' : 'success'}>
                  <MessageBarBody>
                    {withProblems.length
                      ? t('csv.problems', { count: withProblems.length })
                      : report.applied
                        ? t('csv.applied', { count: report.rows.length })
                        : t('csv.allGood', { count: report.rows.length })}
                  </MessageBarBody>
                </MessageBar>
                <ul className={styles.rows}>
                  {report.rows.map((row) => (
                    <li key={row.line}>
                      {t('csv.line', { line: row.line })} — {row.key}:{' '}
                      {row.problems.length === 0 ? (
                        t('csv.ok')
                      ) : (
                        <span className={styles.problem}>{row.problems.map((p) => p.message).join(' ')}</span>
                      )}
                    </li>
                  ))}
                </ul>
                {created.length > 0 && (
                  <>
                    <Caption1>{t('csv.credentials')}</Caption1>
                    <ul className={styles.rows} data-testid="csv-import-credentials">
                      {created.map((row) => (
                        <li key={row.line}>
                          {row.created?.userName} — <code>{row.created?.password}</code>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button disabled={busy} onClick={close}>
              {t('common.close')}
            </Button>
            <Button disabled={!csv || busy} onClick={() => void run(true)} data-testid="csv-import-dry-run">
              {t('csv.dryRun')}
            </Button>
            <Button
              appearance="primary"
              disabled={!canApply}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void run(false)}
              data-testid="csv-import-apply"
            >
              {t('csv.apply')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
