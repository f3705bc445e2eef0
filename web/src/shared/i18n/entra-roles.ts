import { localEntraRoleName } from '../../../../src/catalog/entra-role-names.ts'
import { currentLanguage } from './i18n.ts'

/**
 * An Entra role's name in the page's language (src/catalog/entra-role-names.ts: one name per role
 * everywhere, the Italian one as the Italian Entra admin center shows it); by template id, else by
 * the English name the API sent; a role Tramite does not know keeps the API's name.
 */
export function entraRoleName(role: { id?: string | null; name?: string | null }): string {
  return localEntraRoleName(role, currentLanguage())
}
