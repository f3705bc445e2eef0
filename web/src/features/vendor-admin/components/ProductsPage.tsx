import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  TableCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, EditRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { createProduct, listProducts, updateProduct, type Product } from '../api.ts'
import { useVendorAdminT } from '../t.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  secondary: { display: 'block', color: tokens.colorNeutralForeground3 },
  contacts: { display: 'flex', flexDirection: 'column', gap: '2px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  empty: { color: tokens.colorNeutralForeground3 },
})

/** Marketplace products and their ISV's support contacts (R11): list, add, edit, retire. */
export function ProductsPage() {
  const t = useVendorAdminT()
  const styles = useStyles()
  const cells = useListCellStyles()
  useDocumentTitle(t('products.title'))
  const products = useApiResource((signal) => listProducts(signal), [])
  const [editing, setEditing] = useState<Product | 'new' | null>(null)

  return (
    <>
      <PageHeader
        title={t('products.title')}
        description={t('products.intro')}
        actions={
          <Button
            appearance="primary"
            icon={<AddRegular />}
            onClick={() => setEditing('new')}
            data-testid="product-add"
          >
            {t('products.add')}
          </Button>
        }
      />
      {products.error && <ErrorMessage error={products.error} onRetry={products.reload} />}
      {!products.data && products.loading && <LoadingState label={t('common.loading')} />}
      {products.data?.length === 0 && <Text className={styles.empty}>{t('products.empty')}</Text>}
      {products.data && products.data.length > 0 && (
        <ListTable
          label={t('products.title')}
          busy={products.loading}
          data-testid="products-table"
          columns={[
            t('products.column.name'),
            t('products.column.isv'),
            t('products.column.contacts'),
            t('products.column.subscriptions'),
            t('products.column.status'),
            '',
          ]}
        >
          {products.data.map((p) => (
            <TableRow key={p.id} data-testid="product-row" data-product-id={p.id}>
              <TableCell className={cells.cell}>
                {p.name}
                {p.description && (
                  <Text size={200} className={styles.secondary}>
                    {p.description}
                  </Text>
                )}
              </TableCell>
              <TableCell className={cells.cell}>{p.isvName}</TableCell>
              <TableCell className={cells.cell}>
                <span className={styles.contacts}>
                  {p.supportUrl && (
                    <Link href={p.supportUrl} target="_blank" rel="noreferrer">
                      {p.supportUrl}
                    </Link>
                  )}
                  {p.supportEmail && <Link href={`mailto:${p.supportEmail}`}>{p.supportEmail}</Link>}
                  {p.supportPhone && <span>{p.supportPhone}</span>}
                </span>
              </TableCell>
              <TableCell className={cells.cell}>{p.subscriptionCount}</TableCell>
              <TableCell className={cells.cell}>
                <Badge appearance="tint" color={p.retiredAt ? 'subtle' : 'success'}>
                  {p.retiredAt ? t('products.retired') : t('products.available')}
                </Badge>
              </TableCell>
              <TableCell className={cells.cell}>
                <Button
                  size="small"
                  icon={<EditRegular />}
                  onClick={() => setEditing(p)}
                  data-testid="product-edit"
                >
                  {t('products.edit')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {editing && (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            products.reload()
          }}
        />
      )}
    </>
  )
}

function ProductDialog({
  product,
  onClose,
  onSaved,
}: {
  product: Product | null
  onClose: () => void
  onSaved: () => void
}) {
  const t = useVendorAdminT()
  const styles = useStyles()
  const [form, setForm] = useState({
    name: product?.name ?? '',
    isvName: product?.isvName ?? '',
    description: product?.description ?? '',
    supportUrl: product?.supportUrl ?? '',
    supportEmail: product?.supportEmail ?? '',
    supportPhone: product?.supportPhone ?? '',
  })
  const [retired, setRetired] = useState(Boolean(product?.retiredAt))
  const { busy, error, run } = useApiAction()
  const set = (key: keyof typeof form) => (_e: unknown, data: { value: string }) =>
    setForm((f) => ({ ...f, [key]: data.value }))
  const blank = (v: string) => (v.trim() ? v.trim() : null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const body = {
      name: form.name.trim(),
      isvName: form.isvName.trim(),
      description: blank(form.description),
      supportUrl: blank(form.supportUrl),
      supportEmail: blank(form.supportEmail),
      supportPhone: blank(form.supportPhone),
    }
    await run(async () => {
      if (product) await updateProduct(product.id, { ...body, retired })
      else await createProduct(body)
      onSaved()
    })
  }

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && !busy && onClose()}>
      <DialogSurface data-testid="product-dialog">
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>
              {product ? t('products.editTitle', { name: product.name }) : t('products.createTitle')}
            </DialogTitle>
            <DialogContent className={styles.form}>
              <Field label={t('products.name')} required>
                <Input name="name" value={form.name} onChange={set('name')} />
              </Field>
              <Field label={t('products.isvName')} required>
                <Input name="isvName" value={form.isvName} onChange={set('isvName')} />
              </Field>
              <Field label={t('products.description')}>
                <Textarea name="description" value={form.description} onChange={set('description')} />
              </Field>
              <Field label={t('products.supportUrl')} hint={t('products.contactsHint')}>
                <Input name="supportUrl" type="url" value={form.supportUrl} onChange={set('supportUrl')} />
              </Field>
              <Field label={t('products.supportEmail')}>
                <Input
                  name="supportEmail"
                  type="email"
                  value={form.supportEmail}
                  onChange={set('supportEmail')}
                />
              </Field>
              <Field label={t('products.supportPhone')}>
                <Input name="supportPhone" value={form.supportPhone} onChange={set('supportPhone')} />
              </Field>
              {product && (
                <Checkbox
                  label={t('products.retire')}
                  checked={retired}
                  onChange={(_e, d) => setRetired(Boolean(d.checked))}
                />
              )}
              {error && <ErrorMessage error={error} />}
            </DialogContent>
            <DialogFormActions
              cancelLabel={t('common.cancel')}
              submitLabel={t('common.save')}
              busy={busy}
              submitTestId="product-save"
              onCancel={onClose}
            />
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  )
}
