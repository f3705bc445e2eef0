import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Link,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import {
  ArrowDownloadRegular,
  ArrowUploadRegular,
  AttachRegular,
  DocumentRegular,
  LockClosedRegular,
} from '@fluentui/react-icons'
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import type { Attachment, Visibility } from '../api.ts'
import type { Side } from '../side.ts'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  list: {
    ...plainList,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ':not(:last-child)': { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  internal: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  fileIcon: { fontSize: '20px', color: tokens.colorNeutralForeground3, flexShrink: 0 },
  name: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  fileName: { overflowWrap: 'anywhere', display: 'inline-flex', alignItems: 'center', gap: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  formRow: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // the native input stays in the page (keyboard, tests) but the button stands for it
  hiddenInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  chosen: { maxWidth: '320px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
})

/**
 * The request's files: downloads for whoever may read it (internal ones only for the responder, the
 * API filters them), and an upload form, one file at a time.
 */
export function AttachmentsSection({
  attachments,
  side,
  closed,
  busy,
  uploaded,
  feedback,
  onUpload,
}: {
  attachments: Attachment[]
  side: Side
  closed: boolean
  busy: boolean
  /** The name of the file just uploaded, for the confirmation. */
  uploaded: string | null
  feedback?: ReactNode
  /** Resolves true when the file was stored (the form is then reset). */
  onUpload: (file: File, visibility: Visibility) => Promise<boolean>
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const input = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [internal, setInternal] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const responder = side === 'responder'
  const size = useMemo(() => {
    const kb = new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    })
    const mb = new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    })
    const b = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'byte' })
    return (bytes: number) =>
      bytes >= 1024 * 1024
        ? mb.format(bytes / 1024 / 1024)
        : bytes >= 1024
          ? kb.format(bytes / 1024)
          : b.format(bytes)
  }, [i18n.language])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    if (!file || busy) return
    if (await onUpload(file, responder && internal ? 'internal' : 'public')) {
      setFile(null)
      setInternal(false)
      setAttempted(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className={styles.root}>
      {attachments.length === 0 ? (
        <Text className={styles.muted} data-testid="attachments-empty">
          {t('detail.attachments.empty')}
        </Text>
      ) : (
        <ul className={styles.list} data-testid="attachments">
          {attachments.map((a) => {
            const isInternal = a.visibility === 'internal'
            return (
              <li
                key={a.id}
                className={mergeClasses(styles.item, isInternal && styles.internal)}
                data-testid="attachment"
                data-attachment-id={a.id}
                data-visibility={a.visibility}
              >
                <DocumentRegular className={styles.fileIcon} aria-hidden />
                <div className={styles.name}>
                  <Link href={a.url} download={a.fileName} data-testid="attachment-link">
                    <span className={styles.fileName}>
                      {a.fileName}
                      <ArrowDownloadRegular aria-hidden />
                    </span>
                  </Link>
                  <Caption1 className={styles.muted}>
                    {size(a.sizeBytes)} ·{' '}
                    {t('detail.attachments.uploadedBy', {
                      name: a.uploadedBy.name,
                      date: format.dateTime(a.createdAt),
                    })}
                  </Caption1>
                </div>
                {isInternal && (
                  <Badge
                    appearance="filled"
                    color="warning"
                    size="small"
                    icon={<LockClosedRegular />}
                    data-testid="attachment-internal"
                  >
                    {t('detail.internal')}
                  </Badge>
                )}
              </li>
            )
          })}
        </ul>
      )}

      {side !== 'onlooker' && (
        <form
          className={styles.form}
          onSubmit={(event) => void submit(event)}
          data-testid="attachment-form"
          noValidate
        >
          <input
            ref={input}
            type="file"
            className={styles.hiddenInput}
            disabled={closed}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            aria-label={t('detail.attachments.file')}
            data-testid="attachment-file"
          />
          <div className={styles.formRow}>
            <Button icon={<AttachRegular />} disabled={closed} onClick={() => input.current?.click()}>
              {t('detail.attachments.file')}
            </Button>
            <Text
              className={mergeClasses(styles.chosen, !file && styles.muted)}
              data-testid="attachment-chosen"
            >
              {file ? file.name : t('detail.attachments.noFile')}
            </Text>
            {responder && (
              <Checkbox
                checked={internal}
                disabled={closed}
                onChange={(_event, data) => setInternal(data.checked === true)}
                label={t('detail.attachments.internal')}
                data-testid="attachment-internal-checkbox"
              />
            )}
            <Button
              type="submit"
              appearance="primary"
              disabled={closed || busy}
              icon={busy ? <Spinner size="tiny" /> : <ArrowUploadRegular />}
              data-testid="attachment-upload"
            >
              {t('detail.attachments.upload')}
            </Button>
          </div>
          <Caption1 className={styles.muted}>
            {closed ? t('detail.attachments.closed') : t('detail.attachments.hint')}
          </Caption1>
          {attempted && !file && (
            <Caption1 className={styles.muted} role="alert">
              {t('detail.attachments.chooseFirst')}
            </Caption1>
          )}
          {uploaded && (
            <Caption1 className={styles.muted} role="status" data-testid="attachment-uploaded">
              {t('detail.attachments.uploaded', { file: uploaded })}
            </Caption1>
          )}
        </form>
      )}
      {feedback}
    </div>
  )
}
