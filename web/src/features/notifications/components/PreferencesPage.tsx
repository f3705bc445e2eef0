import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  CHANNELS,
  getPreferences,
  savePreferences,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationTopic,
} from '../api.ts'

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', maxWidth: '880px' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  topic: { flexBasis: '320px', flexGrow: 1 },
  status: { minHeight: '20px', color: tokens.colorPaletteGreenForeground1 },
})

/** Each kind of notice, and where it reaches the person: in the app, by email, both or neither. */
export function PreferencesPage() {
  const { t } = useTranslation()
  const styles = useStyles()
  useDocumentTitle(t('daily.preferences.title'))
  const loaded = useApiResource((signal) => getPreferences(signal), [])
  const [choices, setChoices] = useState<NotificationPreferences | null>(null)
  const [saved, setSaved] = useState(false)
  const { error, run } = useApiAction()

  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
  const current = choices ?? loaded.data
  if (!current) return <LoadingState label={t('daily.preferences.loading')} />

  const choose = (topic: NotificationTopic, channel: NotificationChannel) => {
    setSaved(false)
    setChoices({ ...current, [topic]: channel })
    return run(async () => {
      try {
        setChoices(await savePreferences({ [topic]: channel }))
        setSaved(true)
      } catch (refused) {
        // the radio goes back to what is stored
        setChoices(current)
        throw refused
      }
    })
  }

  return (
    <>
      <PageHeader title={t('daily.preferences.title')} description={t('daily.preferences.intro')} />
      {error && <ErrorMessage error={error} />}
      <div role="status" className={styles.status} data-testid="preferences-status">
        {saved ? t('daily.preferences.saved') : ''}
      </div>
      <div className={styles.list} data-testid="preferences">
        {(Object.keys(current) as NotificationTopic[]).map((topic) => (
          <div
            key={topic}
            className={styles.row}
            data-testid={`preference-${topic}`}
            data-channel={current[topic]}
          >
            <Text id={`topic-${topic}`} className={styles.topic}>
              {t(`daily.preferences.topic.${topic}`)}
            </Text>
            <RadioGroup
              layout="horizontal"
              aria-labelledby={`topic-${topic}`}
              value={current[topic]}
              onChange={(_event, data) => void choose(topic, data.value as NotificationChannel)}
            >
              {CHANNELS.map((channel) => (
                <Radio key={channel} value={channel} label={t(`daily.preferences.channel.${channel}`)} />
              ))}
            </RadioGroup>
          </div>
        ))}
      </div>
    </>
  )
}
