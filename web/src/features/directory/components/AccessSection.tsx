import { Subtitle2, TableCell, TableRow, Text, mergeClasses } from '@fluentui/react-components'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { CustomerAccess } from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { useDirectoryStyles } from './parts.tsx'

/** The access trace for a person (and a customer): it explains the whole chain, rule by rule. */
const traceHref = (customerTenantId: string, email: string | undefined) => {
  const params = new URLSearchParams({ customer: customerTenantId })
  if (email) params.set('user', email)
  return `/gdap/trace?${params.toString()}`
}

/** What membership lets people do in which customer: GDAP roles and Azure RBAC, each with its group. */
export function AccessSection({
  access,
  title,
  userEmail,
}: {
  access: CustomerAccess[]
  title: string
  /** The person whose trace the links open (a group's page opens the viewer's own). */
  userEmail?: string
}) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const cells = useListCellStyles()
  return (
    <section className={styles.section} data-testid="directory-access">
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Text className={styles.muted}>{t('access.hint')}</Text>
      {access.length === 0 ? (
        <Text>{t('access.empty')}</Text>
      ) : (
        <ListTable label={title} columns={[t('access.customer'), t('access.gdap'), t('access.azure'), '']}>
          {access.map((a) => (
            <TableRow key={a.customerTenantId} data-testid="access-row">
              <TableCell className={cells.cell}>{a.customerName}</TableCell>
              <TableCell className={cells.cell}>
                {a.gdap.length === 0
                  ? t('common.none')
                  : a.gdap.map((g) => (
                      <div key={`${g.relationshipId}/${g.groupId}`}>
                        {t('access.viaGroup', {
                          roles: g.roles.join(', '),
                          group: g.groupName,
                          relationship: g.relationshipName,
                        })}
                      </div>
                    ))}
              </TableCell>
              <TableCell className={cells.cell}>
                {a.azure.length === 0
                  ? t('common.none')
                  : a.azure.map((z) => (
                      <div key={`${z.subscriptionId}/${z.role}/${z.groupName ?? ''}`}>
                        {z.groupName
                          ? t('access.azureVia', {
                              role: z.role,
                              subscription: z.subscriptionName,
                              group: z.groupName,
                            })
                          : t('access.azureRole', { role: z.role, subscription: z.subscriptionName })}
                      </div>
                    ))}
              </TableCell>
              <TableCell className={mergeClasses(cells.cell, cells.nowrap)}>
                <RouterLink to={traceHref(a.customerTenantId, userEmail)} data-testid="access-trace-link">
                  {t('access.trace')}
                </RouterLink>
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
    </section>
  )
}
