/** What the workload portals need to know about the signed-in user (the app passes it in). */
export interface PortalViewer {
  userId: string
  name: string
  email: string
  phone: string | null
  tenantId: string
  tenantName: string
  tenantKind: 'partner' | 'customer' | 'vendor'
}
