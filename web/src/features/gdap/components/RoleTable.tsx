import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { GdapRole } from '../api.ts'
import { PrivilegedBadge, RecommendedBadge, RoleCapabilities } from './RolePicker.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  description: { display: 'block', color: tokens.colorNeutralForeground2 },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
})

/** The relationship's roles by name, with what each is for (ids the catalog lacks are shown as ids). */
export function RoleTable({
  roleIds,
  catalog,
  labelledBy,
}: {
  roleIds: string[]
  catalog: GdapRole[]
  labelledBy?: string
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  return (
    <Table aria-labelledby={labelledBy} data-testid="gdap-roles">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('gdapRoles.column.role')}</TableHeaderCell>
          <TableHeaderCell>{t('gdapRoles.column.purpose')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {roleIds.map((id) => {
          const role = catalog.find((r) => r.id === id)
          return (
            <TableRow
              key={id}
              data-testid="gdap-role"
              data-role-id={id}
              data-privileged={role?.privileged ?? false}
            >
              <TableCell className={styles.cell}>
                <span className={styles.name}>
                  <Text weight="semibold">{entraRoleName({ id, name: role?.displayName })}</Text>
                  {role?.recommendedForSupport && <RecommendedBadge />}
                  {role?.privileged && <PrivilegedBadge />}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                {role && (
                  <>
                    <Caption1 className={styles.description}>{role.description}</Caption1>
                    <RoleCapabilities role={role} />
                  </>
                )}
              </TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}

/** A role id's name in the page's language (the catalog's name, or the id itself, when Tramite does not know it). */
export function roleName(catalog: GdapRole[], id: string): string {
  return entraRoleName({ id, name: catalog.find((r) => r.id === id)?.displayName })
}
