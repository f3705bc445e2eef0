import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Input,
  Label,
  Radio,
  RadioGroup,
  Spinner,
  Tag,
  TagGroup,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { ArrowUpRegular, ErrorCircle12Filled, SearchRegular } from '@fluentui/react-icons'
import { useEffect, useId, useState, type ReactNode } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { WORKLOADS, searchTenantDirectory, type HealthService } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // the checkboxes' workload names would otherwise touch the field's label
  servicesBody: { paddingTop: tokens.spacingVerticalS },
  workloads: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  workloadName: {
    display: 'block',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  column: { display: 'flex', flexDirection: 'column' },
  chosen: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  chosenItem: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  results: {
    maxHeight: '220px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
    display: 'flex',
    flexDirection: 'column',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  search: { maxWidth: '420px' },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
  groupBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { display: 'block', marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
  error: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
    color: tokens.colorPaletteRedForeground1,
  },
})

/**
 * A labelled group of several controls (checkboxes, a search box). A Fluent Field would hand its one
 * control id to every checkbox inside, so a group is a fieldset that looks like a Field.
 */
function FieldGroup({
  label,
  required = false,
  hint,
  validationMessage,
  children,
  testId,
}: {
  label: string
  required?: boolean
  hint?: string | undefined
  validationMessage?: string | undefined
  children: ReactNode
  testId?: string
}) {
  const styles = useStyles()
  const noteId = useId()
  return (
    <fieldset
      className={styles.fieldset}
      aria-describedby={hint || validationMessage ? noteId : undefined}
      aria-invalid={validationMessage ? true : undefined}
      data-testid={testId}
    >
      <legend className={styles.legend}>
        <Label required={required}>{label}</Label>
      </legend>
      <div className={styles.groupBody}>{children}</div>
      {validationMessage ? (
        <Caption1 id={noteId} className={styles.error} role="alert">
          <ErrorCircle12Filled aria-hidden />
          {validationMessage}
        </Caption1>
      ) : (
        hint && (
          <Caption1 id={noteId} className={styles.hint}>
            {hint}
          </Caption1>
        )
      )}
    </fieldset>
  )
}

/** Services, grouped by workload; the order of choosing is kept and the first is the primary one. */
export function ServicePicker({
  services,
  selected,
  onChange,
  validationMessage,
}: {
  services: HealthService[]
  selected: string[]
  onChange: (ids: string[]) => void
  validationMessage?: string | undefined
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const nameOf = (id: string) => services.find((s) => s.id === id)?.displayName ?? id
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id))
  return (
    <FieldGroup
      label={t('form.services')}
      hint={t('form.servicesHint')}
      required
      validationMessage={validationMessage}
      testId="health-service-picker"
    >
      <div className={mergeClasses(styles.group, styles.servicesBody)}>
        <div className={styles.workloads}>
          {WORKLOADS.map((workload) => {
            const group = services.filter((s) => s.workload === workload)
            if (group.length === 0) return null
            return (
              <div
                key={workload}
                className={styles.column}
                role="group"
                aria-label={t(`workload.${workload}`)}
              >
                <Caption1 className={styles.workloadName}>{t(`workload.${workload}`)}</Caption1>
                {group.map((s) => (
                  <Checkbox
                    key={s.id}
                    label={s.displayName}
                    checked={selected.includes(s.id)}
                    onChange={(_event, data) => toggle(s.id, data.checked === true)}
                    data-testid="health-form-service"
                    data-service-id={s.id}
                  />
                ))}
              </div>
            )
          })}
        </div>
        {selected.length > 0 && (
          <ol
            className={styles.chosen}
            aria-label={t('form.servicesChosen')}
            data-testid="health-services-chosen"
          >
            {selected.map((id, index) => (
              <li key={id} className={styles.chosenItem} data-service-id={id} data-primary={index === 0}>
                <Text>{nameOf(id)}</Text>
                {index === 0 ? (
                  <Badge appearance="tint" color="brand" size="small">
                    {t('form.primary')}
                  </Badge>
                ) : (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowUpRegular />}
                    onClick={() => onChange([id, ...selected.filter((s) => s !== id)])}
                    data-testid="health-make-primary"
                  >
                    {t('form.makePrimary')}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </FieldGroup>
  )
}

export type TenantChoice = { tenantId: string; name: string }

/** "Every tenant" or chosen tenants, searched in the vendor's tenant directory. */
export function AffectedTenantsField({
  all,
  onAllChange,
  chosen,
  onChosenChange,
  allowKeep = false,
  keep = false,
  onKeepChange,
  validationMessage,
}: {
  all: boolean
  onAllChange: (all: boolean) => void
  chosen: TenantChoice[]
  onChosenChange: (chosen: TenantChoice[]) => void
  /** Offer "leave as they are" (the update form). */
  allowKeep?: boolean
  keep?: boolean
  onKeepChange?: (keep: boolean) => void
  validationMessage?: string | undefined
}) {
  const { t } = useHealthTranslation()
  const mode = allowKeep && keep ? 'keep' : all ? 'all' : 'some'
  return (
    <FieldGroup label={t('form.tenants')} required={!allowKeep} validationMessage={validationMessage}>
      <RadioGroup
        value={mode}
        aria-label={t('form.tenants')}
        onChange={(_event, data) => {
          onKeepChange?.(data.value === 'keep')
          if (data.value !== 'keep') onAllChange(data.value === 'all')
        }}
        data-testid="health-form-tenants-mode"
      >
        {allowKeep && (
          <Radio value="keep" label={t('form.tenantsKeep')} data-testid="health-form-tenants-keep" />
        )}
        <Radio value="all" label={t('form.tenantsAll')} data-testid="health-form-tenants-all" />
        <Radio value="some" label={t('form.tenantsSome')} data-testid="health-form-tenants-some" />
      </RadioGroup>
      {mode === 'some' && <TenantSearch chosen={chosen} onChange={onChosenChange} />}
    </FieldGroup>
  )
}

function TenantSearch({
  chosen,
  onChange,
}: {
  chosen: TenantChoice[]
  onChange: (c: TenantChoice[]) => void
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text), 250)
    return () => window.clearTimeout(timer)
  }, [text])
  const directory = useApiResource((signal) => searchTenantDirectory(query, signal), [query])
  const isChosen = (id: string) => chosen.some((c) => c.tenantId === id)
  const toggle = (tenant: TenantChoice, on: boolean) =>
    onChange(
      on
        ? [...chosen.filter((c) => c.tenantId !== tenant.tenantId), tenant]
        : chosen.filter((c) => c.tenantId !== tenant.tenantId),
    )

  return (
    <div className={styles.group}>
      {chosen.length > 0 ? (
        <TagGroup
          aria-label={t('form.tenantsChosen')}
          onDismiss={(_event, data) => onChange(chosen.filter((c) => c.tenantId !== data.value))}
          data-testid="health-tenants-chosen"
        >
          {chosen.map((c) => (
            <Tag
              key={c.tenantId}
              value={c.tenantId}
              dismissible
              dismissIcon={{ 'aria-label': t('form.remove', { name: c.name }) }}
              data-tenant-id={c.tenantId}
            >
              {c.name}
            </Tag>
          ))}
        </TagGroup>
      ) : (
        <Caption1 className={styles.muted}>{t('form.tenantsNoneChosen')}</Caption1>
      )}
      <Input
        className={styles.search}
        value={text}
        onChange={(_event, data) => setText(data.value)}
        contentBefore={<SearchRegular />}
        contentAfter={directory.loading ? <Spinner size="extra-tiny" /> : undefined}
        placeholder={t('form.tenantSearch')}
        aria-label={t('form.tenantSearch')}
        data-testid="health-tenant-search"
      />
      <div className={styles.results} role="group" aria-label={t('form.tenantResults')}>
        {directory.error && <Text>{directory.error.message}</Text>}
        {directory.data?.length === 0 && (
          <Caption1 className={styles.muted}>{t('form.tenantNoMatch')}</Caption1>
        )}
        {directory.data?.map((d) => (
          <Checkbox
            key={d.tenantId}
            label={`${d.name} (${d.domain})`}
            checked={isChosen(d.tenantId)}
            onChange={(_event, data) => toggle({ tenantId: d.tenantId, name: d.name }, data.checked === true)}
            data-testid="health-tenant-option"
            data-tenant-id={d.tenantId}
          />
        ))}
      </div>
    </div>
  )
}
