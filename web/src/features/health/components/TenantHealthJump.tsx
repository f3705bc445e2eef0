import { Combobox, Option, makeStyles } from '@fluentui/react-components'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { searchTenantDirectory } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

const useStyles = makeStyles({ box: { minWidth: '260px' } })

/** For the vendor's engineers: type a tenant's name or domain, open its service health. */
export function TenantHealthJump() {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), 250)
    return () => clearTimeout(timer)
  }, [typed])
  const tenants = useApiResource((signal) => searchTenantDirectory(query, signal), [query])
  return (
    <Combobox
      className={styles.box}
      placeholder={t('list.tenantJump')}
      aria-label={t('list.tenantJump')}
      value={typed}
      freeform
      onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
      onOptionSelect={(_event, data) => {
        if (data.optionValue) void navigate(`/health/customers/${encodeURIComponent(data.optionValue)}`)
      }}
      data-testid="health-tenant-jump"
    >
      {(tenants.data ?? []).map((tenant) => (
        <Option
          key={tenant.tenantId}
          value={tenant.tenantId}
          text={tenant.name}
          data-testid="health-tenant-jump-option"
          data-tenant-id={tenant.tenantId}
        >
          {`${tenant.name} (${tenant.domain})`}
        </Option>
      ))}
    </Combobox>
  )
}
