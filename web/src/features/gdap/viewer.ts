/** What the GDAP pages need to know about the signed-in user (the app passes it in). */
export interface GdapViewer {
  email: string
  tenantId: string
  tenantName: string
  tenantKind: 'partner' | 'customer' | 'vendor'
  /** Partner admin agents create and change relationships; other partner staff only read. */
  canManage: boolean
}
