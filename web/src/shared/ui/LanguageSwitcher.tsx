import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  type ButtonProps,
} from '@fluentui/react-components'
import { LocalLanguageRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { LANGUAGES, changeLanguage, currentLanguage, type Language } from '../i18n/i18n.ts'

/** A menu button showing the current language by its own name (Italiano / English). */
export function LanguageSwitcher({
  className,
  labelClassName,
  appearance = 'subtle',
}: Pick<ButtonProps, 'className' | 'appearance'> & {
  /** For the language's name next to the icon (e.g. to hide it visually on narrow screens). */
  labelClassName?: string
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  return (
    <Menu
      checkedValues={{ language: [language] }}
      onCheckedValueChange={(_event, data) => {
        const chosen = data.checkedItems[0] as Language | undefined
        if (chosen) void changeLanguage(chosen)
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          className={className}
          appearance={appearance}
          icon={<LocalLanguageRegular />}
          aria-label={`${t('language.label')}: ${t(`language.${language}`)}`}
          data-testid="language-switcher"
        >
          <span className={labelClassName}>{t(`language.${language}`)}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LANGUAGES.map((code) => (
            <MenuItemRadio
              key={code}
              name="language"
              value={code}
              lang={code}
              data-testid={`language-${code}`}
            >
              {t(`language.${code}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  )
}
