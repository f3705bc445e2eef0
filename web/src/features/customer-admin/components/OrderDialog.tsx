import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { listOffers, placeOrder } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { useApiAction } from '../../../shared/api/use-api-action.ts'

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  description: { color: tokens.colorNeutralForeground2 },
})

/** "Add subscription": an order of one offer of the catalog for the customer's country. */
export function OrderButton({
  customer,
  onOrdered,
}: {
  customer: { tenantId: string; displayName: string; country: string }
  onOrdered: () => void
}) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const [open, setOpen] = useState(false)
  const offers = useApiResource(
    (signal) => (open ? listOffers(customer.country, signal) : Promise.resolve([])),
    [open, customer.country],
  )
  const [offerId, setOfferId] = useState('')
  const [quantity, setQuantity] = useState('1')
  const [friendlyName, setFriendlyName] = useState('')
  const { busy, error, setError, run } = useApiAction()
  const offer = offers.data?.find((o) => o.id === offerId) ?? offers.data?.[0]

  const close = () => {
    setOpen(false)
    setOfferId('')
    setQuantity('1')
    setFriendlyName('')
    setError(null)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!offer) return
    await run(async () => {
      await placeOrder(customer.tenantId, {
        offerId: offer.id,
        quantity: Number.parseInt(quantity, 10) || 0,
        ...(friendlyName.trim() ? { friendlyName: friendlyName.trim() } : {}),
      })
      onOrdered()
      close()
    })
  }

  return (
    <>
      <Button icon={<AddRegular />} onClick={() => setOpen(true)} data-testid="subscription-order">
        {t('subscriptions.order')}
      </Button>
      <Dialog open={open} onOpenChange={(_e, data) => !data.open && !busy && close()}>
        <DialogSurface data-testid="subscription-order-dialog">
          <form onSubmit={(e) => void submit(e)}>
            <DialogBody>
              <DialogTitle>{t('subscriptions.orderTitle', { customer: customer.displayName })}</DialogTitle>
              <DialogContent className={styles.form}>
                {offers.error && <ErrorMessage error={offers.error} onRetry={offers.reload} />}
                <Field label={t('subscriptions.offer')} required>
                  <Select
                    name="offerId"
                    value={offer?.id ?? ''}
                    onChange={(_e, data) => setOfferId(data.value)}
                    data-testid="subscription-order-offer"
                  >
                    {(offers.data ?? []).map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.isTrial
                          ? `${o.name} — ${t('subscriptions.trial', { days: o.trialDays ?? 0 })}`
                          : o.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                {offer && <Text className={styles.description}>{offer.description}</Text>}
                <Field
                  label={t('subscriptions.quantity')}
                  hint={offer ? `${offer.minQuantity}–${offer.maxQuantity}` : undefined}
                  required
                >
                  <Input
                    name="quantity"
                    type="number"
                    min={offer?.minQuantity ?? 1}
                    max={offer?.maxQuantity}
                    value={quantity}
                    onChange={(_e, data) => setQuantity(data.value)}
                  />
                </Field>
                <Field label={t('subscriptions.friendlyName')}>
                  <Input
                    name="friendlyName"
                    value={friendlyName}
                    onChange={(_e, data) => setFriendlyName(data.value)}
                  />
                </Field>
                {error && <ErrorMessage error={error} />}
              </DialogContent>
              <DialogFormActions
                cancelLabel={t('common.cancel')}
                submitLabel={t('subscriptions.submitOrder')}
                busy={busy}
                disabled={!offer}
                submitTestId="subscription-order-submit"
                onCancel={close}
              />
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  )
}
