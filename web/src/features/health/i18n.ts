/** The service-health pages' strings (i18next namespace "health"); Italian typed against English. */
export const healthEn = {}

export const healthIt: Record<keyof typeof healthEn, string> = {}
