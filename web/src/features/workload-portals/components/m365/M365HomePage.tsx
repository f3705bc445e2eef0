import { AddSquareRegular, ClipboardTaskListLtrRegular } from '@fluentui/react-icons'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import { tenantQuery, usePortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { PortalHomeCards } from '../PortalHome.tsx'

/** Microsoft 365 admin center → Support: a new service request, or all support tickets. */
export function M365HomePage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('m365.portalName'))
  const state = usePortalContext(viewer, 'urn:tramite:api', { ownToken: false })
  return (
    <PortalFrame portal="m365" state={state} viewer={viewer} tab="home">
      {(context) => {
        const query = tenantQuery(context)
        return (
          <div data-testid="m365-support-home">
            <PageHeader title={t('m365.home.title')} description={t('m365.home.intro')} />
            <PortalHomeCards
              cards={[
                {
                  id: 'm365-new',
                  icon: <AddSquareRegular />,
                  title: t('m365.tabs.new'),
                  text:
                    context.kind === 'delegated'
                      ? t('m365.home.newTextDelegated', { customer: context.tenantName })
                      : t('m365.home.newTextOwn', { tenant: context.tenantName }),
                  action: t('m365.home.newAction'),
                  to: `/admin-center/support/new${query}`,
                  primary: true,
                },
                {
                  id: 'm365-requests',
                  icon: <ClipboardTaskListLtrRegular />,
                  title: t('m365.tabs.requests'),
                  text: t('m365.home.requestsText', { tenant: context.tenantName }),
                  action: t('m365.home.requestsAction'),
                  to: `/admin-center/support/requests${query}`,
                },
              ]}
            />
          </div>
        )
      }}
    </PortalFrame>
  )
}
