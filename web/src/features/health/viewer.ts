/** What the service-health pages need to know about the signed-in user (the app passes it in). */
export interface HealthViewer {
  tenantId: string
  tenantName: string
  tenantKind: 'partner' | 'customer' | 'vendor'
  /** A vendor support engineer: publishes and updates incidents, reads every tenant's health. */
  isEngineer: boolean
}
