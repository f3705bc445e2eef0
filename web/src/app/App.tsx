import { FluentProvider, makeStaticStyles, makeStyles, webLightTheme } from '@fluentui/react-components'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { SessionProvider } from '../features/auth/session.tsx'
import { i18n } from '../shared/i18n/i18n.ts'
import { router } from './router.tsx'

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  body: { backgroundColor: webLightTheme.colorNeutralBackground1 },
})

const useStyles = makeStyles({ provider: { height: '100%' } })

export function App() {
  useGlobalStyles()
  const styles = useStyles()
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme} className={styles.provider}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </FluentProvider>
    </I18nextProvider>
  )
}
