import {
  Avatar,
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { ChatHelpRegular, LockClosedRegular, NoteAddRegular } from '@fluentui/react-icons'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import type { Note, NoteInput, Visibility } from '../api.ts'
import type { Side } from '../side.ts'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  list: {
    ...plainList,
    gap: tokens.spacingVerticalM,
  },
  note: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  bubble: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // internal notes look unlike anything the requester could see: warm, dashed, with a lock
  internal: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  text: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    marginTop: tokens.spacingVerticalXXS,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  options: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
})

/** Where the answer button of "waiting on you" sends the focus. */
export const NOTE_TEXT_ID = 'note-text'

/**
 * The append-only notes, oldest first, and the form that adds one. Whoever works the request also
 * writes internal notes (the API never sends them to the requester) and may ask for information.
 */
export function NotesTimeline({
  notes,
  closed,
  busy,
  added,
  side = 'requester',
  waitingOnViewer = false,
  waitingOnOther = null,
  feedback,
  onAdd,
  history,
}: {
  notes: Note[]
  /** The request's whole history (notes among its events), shown instead of the notes alone. */
  history?: ReactNode
  closed: boolean
  busy: boolean
  added: boolean
  side?: Side
  /** The request waits on the viewer's answer (attention needed, requester side). */
  waitingOnViewer?: boolean
  /**
   * The request waits for information from another party (named): the reply box is theirs — the
   * requester's and the contact's — so this reader gets none.
   */
  waitingOnOther?: string | null
  /** The outcome of the last attempt when it failed (refused, changed meanwhile). */
  feedback?: ReactNode
  /** Resolves true when the note was added (the box is then emptied). */
  onAdd: (note: NoteInput) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const [text, setText] = useState('')
  const [visibility, setVisibility] = useState<Visibility>('public')
  const [requestInformation, setRequestInformation] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const empty = text.trim() === ''
  const responder = side === 'responder'
  const internal = responder && visibility === 'internal'
  const asking = responder && !internal && requestInformation

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setAttempted(true)
    if (empty || busy) return
    const note: NoteInput = { text: text.trim() }
    if (internal) note.visibility = 'internal'
    if (asking) note.requestInformation = true
    if (await onAdd(note)) {
      setText('')
      setAttempted(false)
      setRequestInformation(false)
    }
  }

  const submitLabel = internal
    ? t('detail.addInternalNoteButton')
    : asking
      ? t('detail.requestInformationButton')
      : waitingOnViewer
        ? t('detail.answerButton')
        : t('detail.addNoteButton')

  return (
    <div className={styles.root}>
      {history ??
        (notes.length === 0 ? (
          <Text className={styles.muted} data-testid="request-notes-empty">
            {t('detail.notesEmpty')}
          </Text>
        ) : (
          <ol className={styles.list} data-testid="request-notes">
            {notes.map((note) => {
              const isInternal = note.visibility === 'internal'
              return (
                <li
                  key={note.id}
                  className={styles.note}
                  data-testid="request-note"
                  data-note-id={note.id}
                  data-visibility={note.visibility ?? 'public'}
                >
                  <Avatar name={note.authorName} size={32} color="colorful" aria-hidden />
                  <div className={mergeClasses(styles.bubble, isInternal && styles.internal)}>
                    <div className={styles.meta}>
                      <Text weight="semibold" data-testid="request-note-author">
                        {note.authorName}
                      </Text>
                      <Caption1 className={styles.muted}>
                        <time dateTime={note.createdAt}>{format.dateTime(note.createdAt)}</time>
                      </Caption1>
                      {isInternal && (
                        <Badge
                          appearance="filled"
                          color="warning"
                          size="small"
                          icon={<LockClosedRegular />}
                          title={t('detail.internalNoteHint')}
                          data-testid="request-note-internal"
                        >
                          {t('detail.internal')}
                        </Badge>
                      )}
                    </div>
                    <Text className={styles.text} data-testid="request-note-text">
                      {note.text}
                    </Text>
                  </div>
                </li>
              )
            })}
          </ol>
        ))}

      {side !== 'onlooker' && waitingOnOther && (
        <Caption1 className={styles.muted} data-testid="note-form-waiting">
          {t('waitingOn.formWaiting', { name: waitingOnOther })}
        </Caption1>
      )}
      {side !== 'onlooker' && !waitingOnOther && (
        <form
          className={styles.form}
          onSubmit={(event) => void submit(event)}
          data-testid="note-form"
          noValidate
        >
          <Field
            label={waitingOnViewer ? t('detail.answer') : t('detail.addNote')}
            hint={closed ? t('detail.noteClosed') : t('detail.noteHint')}
            validationMessage={attempted && empty ? t('detail.noteRequired') : undefined}
          >
            <Textarea
              id={NOTE_TEXT_ID}
              value={text}
              rows={3}
              resize="vertical"
              maxLength={20000}
              disabled={closed}
              onChange={(_event, data) => setText(data.value)}
              data-testid="note-text"
            />
          </Field>
          {responder && !closed && (
            <div className={styles.options}>
              <RadioGroup
                aria-label={t('detail.noteVisibility')}
                value={visibility}
                onChange={(_event, data) => setVisibility(data.value as Visibility)}
                data-testid="note-visibility"
              >
                <Radio value="public" label={t('detail.notePublic')} data-testid="note-visibility-public" />
                <Radio
                  value="internal"
                  label={t('detail.noteInternal')}
                  data-testid="note-visibility-internal"
                />
              </RadioGroup>
              <Checkbox
                checked={asking}
                disabled={internal}
                onChange={(_event, data) => setRequestInformation(data.checked === true)}
                label={t('detail.requestInformation')}
                data-testid="note-request-information"
              />
            </div>
          )}
          <div className={styles.actions}>
            <Button
              type="submit"
              appearance="primary"
              disabled={closed || busy}
              icon={
                busy ? (
                  <Spinner size="tiny" />
                ) : internal ? (
                  <LockClosedRegular />
                ) : asking ? (
                  <ChatHelpRegular />
                ) : (
                  <NoteAddRegular />
                )
              }
              data-testid="note-submit"
            >
              {submitLabel}
            </Button>
            {added && (
              <Caption1 className={styles.muted} role="status" data-testid="note-added">
                {t('detail.noteAdded')}
              </Caption1>
            )}
          </div>
          {feedback}
        </form>
      )}
    </div>
  )
}
