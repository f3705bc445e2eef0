import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { SessionProvider } from '../features/auth/session.tsx'
import { i18n } from '../shared/i18n/i18n.ts'
import { router } from './router.tsx'

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  body: { backgroundColor: webLightTheme.colorNeutralBackground1 },
  // Not a className on FluentProvider: it would apply to every portal (menus, popovers, tooltips)
  // too, and a full-height portal layer would hide the page whenever one is open.
  '#root > .fui-FluentProvider': { height: '100%' },
})

export function App() {
  useGlobalStyles()
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </FluentProvider>
    </I18nextProvider>
  )
}
