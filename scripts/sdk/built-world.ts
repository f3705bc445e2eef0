/**
 * The world scripts/sdk/build-world.ts builds: the demo world's structure (DESIGN.md) under other
 * names. `demo` names the demo world's counterpart of each tenant and person, so that answers on
 * the two worlds can be compared (test/process/acceptance.test.ts).
 */

export type Offer = 'azurePlan' | 'm365' | 'm365Trial' | 'dynamics'

export interface BuiltPartner {
  demo: string
  domain: string
  name: string
  type: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
  provider?: string
  locale: string
  phone: string
  /** The first administrator (invited by `tramite partner create`); not a demo persona. */
  admin: string
  /** Groups besides the role groups ("Admin Agents" here names the role group AdminAgents). */
  groups: { name: string; nestedIn?: string }[]
  users: { demo: string; email: string; name: string; groups: string[] }[]
  ownAzure?: boolean
  entitlements?: { kind: string; reference: string; description: string; validUntil: string }[]
}

export interface BuiltCustomer {
  demo: string
  domain: string
  name: string
  locale: string
  admin: string
  /** The partner that creates it over Partner Center (and places its orders). */
  createdBy: string
  associatedPartner?: string
  orders: { name: string; offer: Offer; quantity: number; term?: string }[]
  direct?: { name: string; offer: Offer; quantity: number }[]
  relationships: {
    partner: string
    name: string
    duration: string
    roles: ('ssa' | 'dr')[]
    group: string
  }[]
}

const partners: BuiltPartner[] = [
  {
    demo: 'fabrikam.example',
    domain: 'faggio.test',
    name: 'Faggio Servizi',
    type: 'direct',
    locale: 'it-IT',
    phone: '+39 02 5551 1000',
    admin: 'admin@faggio.test',
    groups: [{ name: 'Primo Livello' }],
    users: [
      {
        demo: 'anna@fabrikam.example',
        email: 'alba@faggio.test',
        name: 'Alba Ferri',
        groups: ['Admin Agents', 'Primo Livello'],
      },
      {
        demo: 'hugo@fabrikam.example',
        email: 'ugo@faggio.test',
        name: 'Ugo Neri',
        groups: ['Helpdesk Agents'],
      },
    ],
    ownAzure: true,
    entitlements: [
      {
        kind: 'azure_support_plan',
        reference: '3a9c1e7b-5d2f-4b8a-9e6c-0f1d2c3b4a59',
        description: 'Azure Standard support plan',
        validUntil: '2099-12-31',
      },
    ],
  },
  {
    demo: 'northwind.example',
    domain: 'nord.test',
    name: 'Nord Distribuzione',
    type: 'indirect_provider',
    locale: 'it-IT',
    phone: '+39 06 5551 2000',
    admin: 'admin@nord.test',
    groups: [{ name: 'Gestori Azure', nestedIn: 'Admin Agents' }],
    users: [
      {
        demo: 'nora@northwind.example',
        email: 'nadia@nord.test',
        name: 'Nadia Lund',
        groups: ['Admin Agents', 'Gestori Azure'],
      },
    ],
    ownAzure: true,
  },
  {
    demo: 'adatum.example',
    domain: 'adige.test',
    name: 'Adige Rivendite',
    type: 'indirect_reseller',
    provider: 'nord.test',
    locale: 'it-IT',
    phone: '+39 011 5551 3000',
    admin: 'admin@adige.test',
    groups: [{ name: 'Supporto Adige' }],
    users: [
      {
        demo: 'ada@adatum.example',
        email: 'adele@adige.test',
        name: 'Adele Russo',
        groups: ['Admin Agents', 'Supporto Adige'],
      },
    ],
  },
  {
    demo: 'litware.example',
    domain: 'lince.test',
    name: 'Lince Advisory',
    type: 'advisor',
    locale: 'en-US',
    phone: '+1 425 555 0150',
    admin: 'admin@lince.test',
    groups: [],
    users: [
      { demo: 'leo@litware.example', email: 'leon@lince.test', name: 'Leon Park', groups: ['Admin Agents'] },
    ],
  },
]

const customers: BuiltCustomer[] = [
  {
    demo: 'rossi.example',
    domain: 'rovere.test',
    name: 'Rovere Costruzioni S.p.A.',
    locale: 'it-IT',
    admin: 'admin@rovere.test',
    createdBy: 'faggio.test',
    orders: [
      { name: 'Rovere M365', offer: 'm365', quantity: 45, term: 'P1Y' },
      { name: 'Rovere Produzione', offer: 'azurePlan', quantity: 1 },
    ],
    relationships: [
      {
        partner: 'faggio.test',
        name: 'Faggio-Rovere support',
        duration: 'P730D',
        roles: ['ssa', 'dr'],
        group: 'Primo Livello',
      },
    ],
  },
  {
    demo: 'bianchi.example',
    domain: 'betulla.test',
    name: 'Betulla Logistica S.r.l.',
    locale: 'it-IT',
    admin: 'admin@betulla.test',
    createdBy: 'nord.test',
    associatedPartner: 'adige.test',
    orders: [
      { name: 'Betulla M365', offer: 'm365Trial', quantity: 25, term: 'P1M' },
      { name: 'Betulla Logistica Azure', offer: 'azurePlan', quantity: 1 },
    ],
    relationships: [
      {
        partner: 'adige.test',
        name: 'Adige-Betulla support',
        duration: 'P730D',
        roles: ['ssa'],
        group: 'Supporto Adige',
      },
      {
        partner: 'nord.test',
        name: 'Nord-Betulla directory',
        duration: 'P730D',
        roles: ['dr'],
        group: 'Gestori Azure',
      },
    ],
  },
  {
    demo: 'tailspin.example',
    domain: 'tasso.test',
    name: 'Tasso Toys',
    locale: 'en-US',
    admin: 'admin@tasso.test',
    createdBy: 'faggio.test',
    orders: [{ name: 'Tasso M365', offer: 'm365', quantity: 30, term: 'P1Y' }],
    // one day: a day later it has expired, as the demo world's Fabrikam-Tailspin relationship has
    relationships: [
      {
        partner: 'faggio.test',
        name: 'Faggio-Tasso support',
        duration: 'P1D',
        roles: ['ssa', 'dr'],
        group: 'Primo Livello',
      },
    ],
  },
  {
    demo: 'wideworld.example',
    domain: 'vasto.test',
    name: 'Vasto Importers',
    locale: 'en-US',
    admin: 'admin@vasto.test',
    createdBy: 'lince.test',
    orders: [],
    direct: [
      { name: 'Vasto CRM', offer: 'dynamics', quantity: 20 },
      { name: 'Vasto Azure', offer: 'azurePlan', quantity: 1 },
    ],
    relationships: [
      {
        partner: 'lince.test',
        name: 'Lince-Vasto support',
        duration: 'P365D',
        roles: ['ssa'],
        group: 'Admin Agents',
      },
    ],
  },
]

export const BUILT_WORLD = {
  vendor: { demo: 'contoso.example', domain: 'aurora.test', name: 'Aurora Cloud', admin: 'root@aurora.test' },
  partners,
  customers,
  product: {
    name: 'RegistroLite',
    isvName: 'Prosa Software',
    description: 'Bookkeeping for small firms.',
    supportUrl: 'https://support.prosa.test/registro',
    supportEmail: 'help@prosa.test',
    supportPhone: '+39 02 555 0175',
  },
}

/** The built world's name for a demo world's email, domain or product. */
export function builtNameOf(demo: string): string {
  if (demo === 'LedgerLite') return BUILT_WORLD.product.name
  for (const p of partners) {
    if (p.demo === demo) return p.domain
    const u = p.users.find((x) => x.demo === demo)
    if (u) return u.email
  }
  for (const c of customers) {
    if (c.demo === demo) return c.domain
    if (demo === `admin@${c.demo}`) return c.admin
  }
  throw new Error(`no built counterpart of ${demo}`)
}
