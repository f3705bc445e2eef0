/** What the service-request pages need to know about the signed-in user (the app passes it in). */
export interface RequestViewer {
  userId: string
  name: string
  email: string
  /** The phone on the user's profile, when the session tells it. */
  phone: string | null
  tenantId: string
  tenantName: string
  tenantKind: 'partner' | 'customer' | 'vendor'
  /** Why this person may not file a request (R1), or null when they may try. */
  cannotFile?: string | null
}
