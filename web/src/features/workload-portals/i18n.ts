/** The workload portals' strings (i18next namespace "portals"); Italian typed against English. */
export const portalsEn = {}

export const portalsIt: Record<keyof typeof portalsEn, string> = {}
