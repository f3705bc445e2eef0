import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Date, country and duration formatting in the UI language (Intl, no extra data shipped). */
export function useFormat() {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
    const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })
    const languages = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' })
    return {
      date(iso: string | null | undefined): string {
        if (!iso) return t('common.none')
        const date = new Date(iso)
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date)
      },
      dateTime(iso: string | null | undefined): string {
        if (!iso) return t('common.none')
        const date = new Date(iso)
        return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date)
      },
      /** A span of minutes as people say it: "2 h", "1 h 30 min", "45 min". */
      minutes(total: number): string {
        const hours = Math.floor(total / 60)
        const minutes = total % 60
        if (hours === 0) return t('common.minutesShort', { count: minutes })
        if (minutes === 0) return t('common.hoursShort', { count: hours })
        return `${t('common.hoursShort', { count: hours })} ${t('common.minutesShort', { count: minutes })}`
      },
      country(code: string): string {
        try {
          return regions.of(code) ?? code
        } catch {
          return code
        }
      },
      locale(tag: string): string {
        try {
          return languages.of(tag) ?? tag
        } catch {
          return tag
        }
      },
      /** ISO 8601 durations as the API uses them for GDAP (P730D, P180D); others shown as sent. */
      duration(iso: string): string {
        const days = /^P(\d+)D$/.exec(iso)
        return days ? t('common.days', { count: Number(days[1]) }) : iso
      },
    }
  }, [language, t])
}
