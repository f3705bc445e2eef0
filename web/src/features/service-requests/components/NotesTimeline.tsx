import {
  Avatar,
  Button,
  Caption1,
  Field,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { NoteAddRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import type { Note } from '../api.ts'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  note: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  bubble: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    marginTop: tokens.spacingVerticalXXS,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
})

/** The append-only notes, oldest first, and the form that adds one. */
export function NotesTimeline({
  notes,
  closed,
  busy,
  added,
  onAdd,
}: {
  notes: Note[]
  closed: boolean
  busy: boolean
  added: boolean
  /** Resolves true when the note was added (the box is then emptied). */
  onAdd: (text: string) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const [text, setText] = useState('')
  const [attempted, setAttempted] = useState(false)
  const empty = text.trim() === ''

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    if (empty || busy) return
    if (await onAdd(text.trim())) {
      setText('')
      setAttempted(false)
    }
  }

  return (
    <div className={styles.root}>
      {notes.length === 0 ? (
        <Text className={styles.muted} data-testid="request-notes-empty">
          {t('detail.notesEmpty')}
        </Text>
      ) : (
        <ol className={styles.list} data-testid="request-notes">
          {notes.map((note) => (
            <li key={note.id} className={styles.note} data-testid="request-note" data-note-id={note.id}>
              <Avatar name={note.authorName} size={32} color="colorful" aria-hidden />
              <div className={styles.bubble}>
                <div className={styles.meta}>
                  <Text weight="semibold" data-testid="request-note-author">
                    {note.authorName}
                  </Text>
                  <Caption1 className={styles.muted}>
                    <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
                  </Caption1>
                </div>
                <Text className={styles.text} data-testid="request-note-text">
                  {note.text}
                </Text>
              </div>
            </li>
          ))}
        </ol>
      )}

      <form
        className={styles.form}
        onSubmit={(event) => void submit(event)}
        data-testid="note-form"
        noValidate
      >
        <Field
          label={t('detail.addNote')}
          hint={closed ? t('detail.noteClosed') : t('detail.noteHint')}
          validationMessage={attempted && empty ? t('detail.noteRequired') : undefined}
        >
          <Textarea
            value={text}
            rows={3}
            resize="vertical"
            maxLength={20000}
            disabled={closed}
            onChange={(_event, data) => setText(data.value)}
            data-testid="note-text"
          />
        </Field>
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            disabled={closed || busy}
            icon={busy ? <Spinner size="tiny" /> : <NoteAddRegular />}
            data-testid="note-submit"
          >
            {t('detail.addNoteButton')}
          </Button>
          {added && (
            <Caption1 className={styles.muted} role="status" data-testid="note-added">
              {t('detail.noteAdded')}
            </Caption1>
          )}
        </div>
      </form>
    </div>
  )
}
