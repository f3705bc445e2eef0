/** Whom a new request is for: one of the partner's customers, or the user's own organization. */
export type Target = { kind: 'customer'; tenantId: string; name: string | null } | { kind: 'own' }
