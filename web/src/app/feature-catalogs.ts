import i18next from 'i18next'
import { appsEn, appsIt } from '../features/applications/i18n.ts'
import { customerAdminEn, customerAdminIt } from '../features/customer-admin/i18n.ts'
import { directoryEn, directoryIt } from '../features/directory/i18n.ts'
import { healthEn, healthIt } from '../features/health/i18n.ts'
import { portalsEn, portalsIt } from '../features/workload-portals/i18n.ts'
import { deskEn, deskIt } from '../features/service-requests/desk-i18n.ts'
import { vendorAdminEn, vendorAdminIt } from '../features/vendor-admin/i18n.ts'
import { lifeEn, lifeIt } from '../features/service-requests/life-i18n.ts'

/**
 * Features with catalogs of their own register them as i18next namespaces here (the app layer may
 * import features; shared code may not). Components use `useTranslation('health')` etc.
 */
i18next.addResourceBundle('en', 'health', healthEn, true, true)
i18next.addResourceBundle('it', 'health', healthIt, true, true)
i18next.addResourceBundle('en', 'portals', portalsEn, true, true)
i18next.addResourceBundle('it', 'portals', portalsIt, true, true)
i18next.addResourceBundle('en', 'customerAdmin', customerAdminEn, true, true)
i18next.addResourceBundle('it', 'customerAdmin', customerAdminIt, true, true)
i18next.addResourceBundle('en', 'apps', appsEn, true, true)
i18next.addResourceBundle('it', 'apps', appsIt, true, true)
i18next.addResourceBundle('en', 'directory', directoryEn, true, true)
i18next.addResourceBundle('it', 'directory', directoryIt, true, true)
i18next.addResourceBundle('en', 'desk', deskEn, true, true)
i18next.addResourceBundle('it', 'desk', deskIt, true, true)
i18next.addResourceBundle('en', 'vendorAdmin', vendorAdminEn, true, true)
i18next.addResourceBundle('it', 'vendorAdmin', vendorAdminIt, true, true)
i18next.addResourceBundle('en', 'life', lifeEn, true, true)
i18next.addResourceBundle('it', 'life', lifeIt, true, true)
