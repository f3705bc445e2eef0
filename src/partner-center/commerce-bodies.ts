import type { NewCustomerTenant } from '../customers/onboarding.data.ts'
import type { OrderInput, SubscriptionChange } from '../customers/orders.service.ts'
import type { WireBody } from '../platform/http/wire-body.ts'

/** Partner Center's request bodies for customers, orders and subscriptions, read case-insensitively. */

const DOMAIN =
  /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/
const CULTURE = /^([a-z]{2})-([a-z]{2})$/i
const COUNTRY = /^[A-Za-z]{2}$/

const hint = (en: string, it: string) => ({ en, it })

/** A customer as Create Customer takes it: CompanyProfile.Domain, BillingProfile (culture, contact, address). */
export function readCustomerBody(
  body: WireBody,
): NewCustomerTenant & { associatedPartnerId?: string | undefined } {
  const company = body.object('CompanyProfile', { required: true })
  const billing = body.object('BillingProfile', { required: true })
  const address = billing?.object('DefaultAddress', { required: true })
  let domain = company?.text('Domain', { required: true, max: 253 })?.toLowerCase()
  if (domain !== undefined && !DOMAIN.test(domain)) {
    domain = company!.fail(
      'Domain',
      'format',
      {},
      hint(
        'must be a DNS domain name such as contoso.example.',
        'deve essere un nome di dominio DNS come contoso.example.',
      ),
    )
  }
  const companyName = billing?.text('CompanyName', { required: true, max: 256 })
  const culture = billing?.text('Culture', { required: true, max: 10 })
  const cultureMatch = culture === undefined ? null : CULTURE.exec(culture)
  if (culture !== undefined && !cultureMatch) {
    billing!.fail(
      'Culture',
      'format',
      {},
      hint('must be a culture such as it-IT or en-US.', 'deve essere una cultura come it-IT o en-US.'),
    )
  }
  const country = address?.text('Country', { required: true, max: 2 })
  if (country !== undefined && !COUNTRY.test(country)) {
    address!.fail(
      'Country',
      'format',
      {},
      hint(
        'must be a two-letter country code (IT, US…).',
        'deve essere un codice paese di due lettere (IT, US…).',
      ),
    )
  }
  const billingEmail = billing?.email('Email', { required: true })
  const firstName = address?.text('FirstName', { required: true, max: 128 })
  const lastName = address?.text('LastName', { required: true, max: 128 })
  const profile = {
    email: company?.email('Email') ?? billingEmail ?? null,
    phone: address?.text('PhoneNumber', { max: 40 }) ?? null,
    addressLine1: address?.text('AddressLine1', { required: true, max: 256 }) ?? null,
    addressLine2: address?.text('AddressLine2', { max: 256 }) ?? null,
    city: address?.text('City', { required: true, max: 128 }) ?? null,
    state: address?.text('State', { max: 128 }) ?? null,
    postalCode: address?.text('PostalCode', { max: 32 }) ?? null,
    registrationNumber: company?.text('OrganizationRegistrationNumber', { max: 64 }) ?? null,
    billingFirstName: firstName ?? null,
    billingLastName: lastName ?? null,
    billingEmail: billingEmail ?? null,
  }
  const associatedPartnerId = body.guid('AssociatedPartnerId')
  body.check()
  return {
    companyName: companyName!,
    domain: domain!,
    locale: `${cultureMatch![1]!.toLowerCase()}-${cultureMatch![2]!.toUpperCase()}`,
    country: country!.toUpperCase(),
    profile,
    admin: { givenName: firstName ?? null, surname: lastName ?? null },
    associatedPartnerId,
  }
}

const BILLING_CYCLES = ['monthly', 'annual', 'none', 'one_time', 'triennial'] as const
const TERMS = ['P1M', 'P1Y', 'P3Y'] as const

/** An Order: ReferenceCustomerId (if given, the customer of the URL), BillingCycle, LineItems. */
export function readOrderBody(body: WireBody, customerTenantId: string): OrderInput {
  const reference = body.text('ReferenceCustomerId', { max: 64 })
  if (reference !== undefined && reference.toLowerCase() !== customerTenantId.toLowerCase()) {
    body.fail(
      'ReferenceCustomerId',
      'format',
      {},
      hint('must be the customer of the URL.', "deve essere il cliente dell'URL."),
    )
  }
  const billingCycle = body.oneOf('BillingCycle', BILLING_CYCLES)
  const items = body.objects('LineItems', { required: true, max: 50 }) ?? []
  const seen = new Set<number>()
  const lineItems = items.map((item, i) => {
    const lineItemNumber = item.integer('LineItemNumber', { min: 0, max: 49 }) ?? i
    if (seen.has(lineItemNumber)) {
      item.fail(
        'LineItemNumber',
        'format',
        {},
        hint('is used by another line item.', 'è usato da un’altra riga.'),
      )
    }
    seen.add(lineItemNumber)
    return {
      lineItemNumber,
      offerId: item.text('OfferId', { required: true, max: 128 }) ?? '',
      friendlyName: item.text('FriendlyName', { max: 256 }),
      quantity: item.integer('Quantity', { required: true, min: 1, max: 100_000 }) ?? 1,
      termDuration: item.oneOf('TermDuration', TERMS),
    }
  })
  body.check()
  return { billingCycle, lineItems }
}

/** The Subscription fields a PATCH may change: status, offerId / isTrial (conversion), friendlyName, quantity. */
export function readSubscriptionPatch(body: WireBody): Omit<SubscriptionChange, 'ifMatch'> {
  const change = {
    status: body.oneOf('Status', ['active', 'suspended'] as const),
    offerId: body.text('OfferId', { max: 128 }),
    isTrial: body.boolean('IsTrial'),
    friendlyName: body.text('FriendlyName', { max: 256 }),
    quantity: body.integer('Quantity', { min: 1, max: 100_000 }),
  }
  body.check()
  return change
}
