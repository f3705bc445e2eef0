import { lazyPage } from './lazy-page.ts'
import { MessageBar, MessageBarBody } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { GdapViewer } from '../features/gdap/viewer.ts'
import { PageHeader } from '../shared/ui/PageHeader.tsx'

const AccessTracePage = lazyPage(
  () => import('../features/gdap/components/AccessTracePage.tsx'),
  'AccessTracePage',
)
const ApprovalPage = lazyPage(() => import('../features/gdap/components/ApprovalPage.tsx'), 'ApprovalPage')
const CustomerRelationshipsPage = lazyPage(
  () => import('../features/gdap/components/CustomerRelationshipsPage.tsx'),
  'CustomerRelationshipsPage',
)
const GdapListPage = lazyPage(() => import('../features/gdap/components/GdapListPage.tsx'), 'GdapListPage')
const NewRelationshipPage = lazyPage(
  () => import('../features/gdap/components/NewRelationshipPage.tsx'),
  'NewRelationshipPage',
)
const RelationshipDetailPage = lazyPage(
  () => import('../features/gdap/components/RelationshipDetailPage.tsx'),
  'RelationshipDetailPage',
)

// The GDAP feature does not know about sessions; the app tells it who is looking.
export function useGdapViewer(): GdapViewer {
  const user = useSignedInUser()
  return {
    email: user.email,
    tenantId: user.tenantId,
    tenantName: user.tenantName,
    tenantKind: user.tenantKind,
    canManage: user.tenantKind === 'partner' && user.roles.includes('admin_agent'),
  }
}

/** /gdap: partners see relationships across customers; customer administrators, their partners. */
export function GdapRoute() {
  const { t } = useTranslation()
  const viewer = useGdapViewer()
  if (viewer.tenantKind === 'partner') return <GdapListPage viewer={viewer} />
  if (viewer.tenantKind === 'customer') return <CustomerRelationshipsPage viewer={viewer} />
  return (
    <>
      <PageHeader title={t('gdapList.title')} />
      <MessageBar intent="info" data-testid="gdap-vendor-note">
        <MessageBarBody>{t('gdapList.vendorNote')}</MessageBarBody>
      </MessageBar>
    </>
  )
}

export function NewRelationshipRoute() {
  return <NewRelationshipPage viewer={useGdapViewer()} />
}

export function RelationshipDetailRoute() {
  const viewer = useGdapViewer()
  // A customer administrator following a link to a relationship gets the customer's view of it.
  if (viewer.tenantKind === 'customer') return <ApprovalPage viewer={viewer} />
  return <RelationshipDetailPage viewer={viewer} />
}

export function ApprovalRoute() {
  return <ApprovalPage viewer={useGdapViewer()} />
}

export function AccessTraceRoute() {
  return <AccessTracePage viewer={useGdapViewer()} />
}
