import { AddSquareRegular, ClipboardTaskListLtrRegular } from '@fluentui/react-icons'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import { tenantQuery, usePortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { PortalHomeCards } from '../PortalHome.tsx'

/** Azure support (Help + support): create a support request, or manage the existing ones. */
export function AzureHomePage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('azure.portalName'))
  const state = usePortalContext(viewer, 'https://management.azure.com', { ownToken: true })
  return (
    <PortalFrame portal="azure" state={state} viewer={viewer} tab="home">
      {(context) => {
        const query = tenantQuery(context)
        return (
          <div data-testid="azure-support-home">
            <PageHeader title={t('azure.home.title')} description={t('azure.home.intro')} />
            <PortalHomeCards
              cards={[
                {
                  id: 'azure-new',
                  icon: <AddSquareRegular />,
                  title: t('azure.home.newTitle'),
                  text:
                    context.kind === 'delegated'
                      ? t('azure.home.newTextDelegated', { customer: context.tenantName })
                      : t('azure.home.newTextOwn', { tenant: context.tenantName }),
                  action: t('azure.tabs.new'),
                  to: `/azure/support/new${query}`,
                  primary: true,
                },
                {
                  id: 'azure-requests',
                  icon: <ClipboardTaskListLtrRegular />,
                  title: t('azure.home.requestsTitle'),
                  text: t('azure.home.requestsText'),
                  action: t('azure.tabs.requests'),
                  to: `/azure/support/requests${query}`,
                },
              ]}
            />
          </div>
        )
      }}
    </PortalFrame>
  )
}
