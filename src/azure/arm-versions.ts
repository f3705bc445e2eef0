/** The Microsoft.Support api-versions served, oldest first; the last is the current GA version. */
export const API_VERSIONS = ['2020-04-01', '2024-04-01'] as const
export type ArmApiVersion = (typeof API_VERSIONS)[number]

export const isApiVersion = (v: unknown): v is ArmApiVersion => API_VERSIONS.includes(v as ArmApiVersion)

/** 2024-04-01 added tenant-scoped tickets, consents, plan ids and file workspaces to tickets. */
export const hasTicketConsents = (v: ArmApiVersion) => v >= '2024-04-01'
