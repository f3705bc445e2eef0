/** What the customer pages need to know about the signed-in user (the app passes it in). */
export interface Viewer {
  tenantId: string
  tenantName: string
  isPartner: boolean
}
