import { ROLE_IDS } from '../catalog/catalog.ts'
import type {
  AzureRoleName,
  Billing,
  Channel,
  EntitlementKind,
  GdapStatus,
  PartnerRole,
  PartnerType,
  TermDuration,
  UserRole,
  WorkloadId,
} from '../platform/db/schema.ts'
import { uuidFromName } from '../platform/ids.ts'

/**
 * The demo world of DESIGN.md, as data. Names are fixed (acceptance checks use them); ids are
 * derived from names, so they are the same on every machine and after every reset; dates are
 * relative to the moment the world is created.
 */
const NAMESPACE = '6d1f3c8a-2b7e-4f0a-9c35-8e4b1a7d2f60'
export const demoId = (kind: string, name: string): string => uuidFromName(NAMESPACE, `${kind}:${name}`)
export const tenantIdOf = (domain: string): string => demoId('tenant', domain)

export interface DemoUser {
  email: string
  displayName: string
  givenName: string
  surname: string
  phone?: string
  /** The roles the persona has; partner roles come from membership of the role groups below. */
  roles: UserRole[]
  groups: string[]
}

export interface DemoTenant {
  domain: string
  displayName: string
  locale: string
  country: string
  /** The company profile (Partner Center's company, billing and organization profiles). */
  profile?: DemoProfile
}

export interface DemoProfile {
  email: string
  phone: string
  addressLine1: string
  city: string
  state: string
  postalCode: string
  registrationNumber?: string
  billing: { firstName: string; lastName: string; email: string }
}

export interface DemoPartner extends DemoTenant {
  type: PartnerType
  mpnId: string
  supportEmail: string
  supportPhone: string
  providers?: string[]
  /**
   * Security groups; `nestedIn` names the group this one is a member of; `role` is the partner
   * role membership confers (the groups Partner Center calls AdminAgents, HelpdeskAgents, SalesAgents).
   */
  groups: { name: string; description: string; nestedIn?: string; role?: PartnerRole }[]
  users: DemoUser[]
  ownSubscriptions: { name: string; workload: WorkloadId; offer: string }[]
  entitlements: { kind: EntitlementKind; reference: string; description: string }[]
}

export interface DemoSubscription {
  name: string
  workload: WorkloadId
  offerId: string
  offer: string
  channel: Channel
  billing: Billing
  provider?: string
  reseller?: string
  product?: string
  quantity: number
  /** The commitment term of a CSP subscription (none for an Azure plan). */
  term?: TermDuration
  rbac?: { partner: string; group: string; role: AzureRoleName }[]
}

export interface DemoRelationship {
  partner: string
  name: string
  status: GdapStatus
  /** Days between activation and now (negative: in the past). */
  activatedDaysAgo: number
  duration: string
  roles: string[]
  assignments: { group: string; roles: string[] }[]
}

export interface DemoCustomer extends DemoTenant {
  admin: DemoUser
  reseller?: { partner: string; indirectProvider?: string }
  advisor?: string
  subscriptions: DemoSubscription[]
  relationships: DemoRelationship[]
}

export const VENDOR: DemoTenant & { users: DemoUser[] } = {
  domain: 'contoso.example',
  displayName: 'Contoso Cloud',
  locale: 'en-US',
  country: 'US',
  users: [
    {
      email: 'engineer@contoso.example',
      displayName: 'Sam Rivera',
      givenName: 'Sam',
      surname: 'Rivera',
      roles: ['support_engineer'],
      groups: [],
    },
    {
      email: 'auditor@contoso.example',
      displayName: 'Giulia Conti',
      givenName: 'Giulia',
      surname: 'Conti',
      roles: ['auditor'],
      groups: [],
    },
  ],
}

const AZURE_PLAN = { offerId: 'DZH318Z0BPS6:0001', offer: 'Azure plan' }
const M365_BP = { offerId: 'CFQ7TTC0LCHC:0002', offer: 'Microsoft 365 Business Premium' }
const M365_TRIAL = { offerId: 'CFQ7TTC0LCHC:0002:TRIAL', offer: 'Microsoft 365 Business Premium (trial)' }
const DYNAMICS = { offerId: 'CFQ7TTC0LF8S:0001', offer: 'Dynamics CRM Online Professional' }

/** Every partner's role groups, with the demo world's display names. */
const roleGroups: DemoPartner['groups'] = [
  { name: 'Admin Agents', description: 'Holds the admin agents of the partner.', role: 'admin_agent' },
  {
    name: 'Helpdesk Agents',
    description: 'Holds the helpdesk agents of the partner.',
    role: 'helpdesk_agent',
  },
  { name: 'Sales Agents', description: 'Holds the sales agents of the partner.', role: 'sales_agent' },
]

export const PARTNERS: DemoPartner[] = [
  {
    domain: 'fabrikam.example',
    displayName: 'Fabrikam',
    locale: 'it-IT',
    country: 'IT',
    profile: {
      email: 'info@fabrikam.example',
      phone: '+39 02 5550 1000',
      addressLine1: 'Corso Buenos Aires 23',
      city: 'Milano',
      state: 'MI',
      postalCode: '20124',
      billing: { firstName: 'Anna', lastName: 'Moretti', email: 'billing@fabrikam.example' },
    },
    type: 'direct',
    mpnId: '4510001',
    supportEmail: 'support@fabrikam.example',
    supportPhone: '+39 02 5550 1000',
    groups: [...roleGroups, { name: 'Tier1 Support', description: 'First-line support for customers.' }],
    users: [
      {
        email: 'anna@fabrikam.example',
        displayName: 'Anna Moretti',
        givenName: 'Anna',
        surname: 'Moretti',
        phone: '+39 02 5550 1001',
        roles: ['admin_agent'],
        groups: ['Admin Agents', 'Tier1 Support'],
      },
      {
        email: 'hugo@fabrikam.example',
        displayName: 'Hugo Blanc',
        givenName: 'Hugo',
        surname: 'Blanc',
        phone: '+39 02 5550 1002',
        roles: ['helpdesk_agent'],
        groups: ['Helpdesk Agents'],
      },
    ],
    ownSubscriptions: [{ name: 'Fabrikam Internal', workload: 'azure', offer: 'Azure plan' }],
    entitlements: [
      {
        kind: 'azure_support_plan',
        reference: '7c4f2a9e-1b3d-4e5f-8a6b-9c0d1e2f3a4b',
        description: 'Azure Standard support plan',
      },
    ],
  },
  {
    domain: 'northwind.example',
    displayName: 'Northwind Distribution',
    locale: 'it-IT',
    country: 'IT',
    profile: {
      email: 'info@northwind.example',
      phone: '+39 06 5550 2000',
      addressLine1: 'Via Tiburtina 1072',
      city: 'Roma',
      state: 'RM',
      postalCode: '00156',
      billing: { firstName: 'Nora', lastName: 'Lindqvist', email: 'billing@northwind.example' },
    },
    type: 'indirect_provider',
    mpnId: '4510002',
    supportEmail: 'support@northwind.example',
    supportPhone: '+39 06 5550 2000',
    groups: [
      ...roleGroups,
      {
        name: 'Azure Managers',
        description: 'Manages customers’ Azure subscriptions.',
        nestedIn: 'Admin Agents',
      },
    ],
    users: [
      {
        email: 'nora@northwind.example',
        displayName: 'Nora Lindqvist',
        givenName: 'Nora',
        surname: 'Lindqvist',
        phone: '+39 06 5550 2001',
        roles: ['admin_agent'],
        groups: ['Admin Agents', 'Azure Managers'],
      },
    ],
    ownSubscriptions: [{ name: 'Northwind Internal', workload: 'azure', offer: 'Azure plan' }],
    entitlements: [],
  },
  {
    domain: 'adatum.example',
    displayName: 'Adatum',
    locale: 'it-IT',
    country: 'IT',
    profile: {
      email: 'info@adatum.example',
      phone: '+39 011 5550 3000',
      addressLine1: 'Via Po 14',
      city: 'Torino',
      state: 'TO',
      postalCode: '10123',
      billing: { firstName: 'Ada', lastName: 'Russo', email: 'billing@adatum.example' },
    },
    type: 'indirect_reseller',
    mpnId: '4510003',
    supportEmail: 'support@adatum.example',
    supportPhone: '+39 011 5550 3000',
    providers: ['northwind.example'],
    groups: [...roleGroups, { name: 'Adatum Support', description: 'Support team for customers.' }],
    users: [
      {
        email: 'ada@adatum.example',
        displayName: 'Ada Russo',
        givenName: 'Ada',
        surname: 'Russo',
        phone: '+39 011 5550 3001',
        roles: ['admin_agent'],
        groups: ['Admin Agents', 'Adatum Support'],
      },
    ],
    ownSubscriptions: [],
    entitlements: [],
  },
  {
    domain: 'litware.example',
    displayName: 'Litware',
    locale: 'en-US',
    country: 'US',
    profile: {
      email: 'info@litware.example',
      phone: '+1 425 555 0140',
      addressLine1: '1 Litware Way',
      city: 'Redmond',
      state: 'WA',
      postalCode: '98052',
      billing: { firstName: 'Leo', lastName: 'Park', email: 'billing@litware.example' },
    },
    type: 'advisor',
    mpnId: '4510004',
    supportEmail: 'support@litware.example',
    supportPhone: '+1 425 555 0140',
    groups: [...roleGroups],
    users: [
      {
        email: 'leo@litware.example',
        displayName: 'Leo Park',
        givenName: 'Leo',
        surname: 'Park',
        phone: '+1 425 555 0141',
        roles: ['admin_agent'],
        groups: ['Admin Agents'],
      },
    ],
    ownSubscriptions: [],
    entitlements: [],
  },
]

export const MARKETPLACE_PRODUCTS = [
  {
    name: 'LedgerLite',
    isvName: 'Proseware',
    description: 'Bookkeeping for small construction firms.',
    supportUrl: 'https://support.proseware.example/ledgerlite',
    supportEmail: 'help@proseware.example',
    supportPhone: '+1 206 555 0175',
  },
]

const SSA = ROLE_IDS.serviceSupportAdministrator
const DR = ROLE_IDS.directoryReaders

const admin = (domain: string, displayName: string, givenName: string, surname: string): DemoUser => ({
  email: `admin@${domain}`,
  displayName,
  givenName,
  surname,
  roles: ['global_admin'],
  groups: [],
})

export const CUSTOMERS: DemoCustomer[] = [
  {
    domain: 'rossi.example',
    displayName: 'Rossi Costruzioni S.p.A.',
    locale: 'it-IT',
    country: 'IT',
    profile: {
      email: 'amministrazione@rossi.example',
      phone: '+39 02 5550 4000',
      addressLine1: 'Via Giuseppe Verdi 12',
      city: 'Milano',
      state: 'MI',
      postalCode: '20121',
      registrationNumber: 'IT04512340961',
      billing: { firstName: 'Marco', lastName: 'Rossi', email: 'admin@rossi.example' },
    },
    admin: admin('rossi.example', 'Marco Rossi', 'Marco', 'Rossi'),
    reseller: { partner: 'fabrikam.example' },
    subscriptions: [
      {
        name: 'Rossi M365',
        workload: 'office365',
        ...M365_BP,
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
        quantity: 45,
        term: 'P1Y',
      },
      {
        name: 'Rossi Produzione',
        workload: 'azure',
        ...AZURE_PLAN,
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
        quantity: 1,
        rbac: [{ partner: 'fabrikam.example', group: 'Admin Agents', role: 'Owner' }],
      },
      {
        name: 'LedgerLite',
        workload: 'marketplace',
        offerId: 'proseware.ledgerlite:standard',
        offer: 'LedgerLite Standard',
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
        product: 'LedgerLite',
        quantity: 10,
        term: 'P1Y',
      },
    ],
    relationships: [
      {
        partner: 'fabrikam.example',
        name: 'Fabrikam-Rossi support',
        status: 'active',
        activatedDaysAgo: 120,
        duration: 'P730D',
        roles: [SSA, DR],
        assignments: [{ group: 'Tier1 Support', roles: [SSA, DR] }],
      },
    ],
  },
  {
    domain: 'bianchi.example',
    displayName: 'Bianchi Logistica S.r.l.',
    locale: 'it-IT',
    country: 'IT',
    profile: {
      email: 'ufficio@bianchi.example',
      phone: '+39 011 5550 5000',
      addressLine1: 'Via Nizza 45',
      city: 'Torino',
      state: 'TO',
      postalCode: '10126',
      registrationNumber: 'IT09876540013',
      billing: { firstName: 'Giulia', lastName: 'Bianchi', email: 'admin@bianchi.example' },
    },
    admin: admin('bianchi.example', 'Giulia Bianchi', 'Giulia', 'Bianchi'),
    reseller: { partner: 'adatum.example', indirectProvider: 'northwind.example' },
    subscriptions: [
      {
        name: 'Bianchi M365',
        workload: 'office365',
        ...M365_TRIAL,
        channel: 'csp',
        billing: 'trial',
        provider: 'northwind.example',
        reseller: 'adatum.example',
        quantity: 25,
        term: 'P1M',
      },
      {
        name: 'Bianchi Logistica Azure',
        workload: 'azure',
        ...AZURE_PLAN,
        channel: 'csp',
        billing: 'paid',
        provider: 'northwind.example',
        reseller: 'adatum.example',
        quantity: 1,
        rbac: [{ partner: 'northwind.example', group: 'Admin Agents', role: 'Owner' }],
      },
    ],
    relationships: [
      {
        partner: 'adatum.example',
        name: 'Adatum-Bianchi support',
        status: 'active',
        activatedDaysAgo: 60,
        duration: 'P730D',
        roles: [SSA],
        assignments: [{ group: 'Adatum Support', roles: [SSA] }],
      },
      {
        partner: 'northwind.example',
        name: 'Northwind-Bianchi directory',
        status: 'active',
        activatedDaysAgo: 60,
        duration: 'P730D',
        roles: [DR],
        assignments: [{ group: 'Azure Managers', roles: [DR] }],
      },
    ],
  },
  {
    domain: 'tailspin.example',
    displayName: 'Tailspin Toys',
    locale: 'en-US',
    country: 'US',
    profile: {
      email: 'office@tailspin.example',
      phone: '+1 206 555 0160',
      addressLine1: '4567 Pike Street',
      city: 'Seattle',
      state: 'WA',
      postalCode: '98101',
      billing: { firstName: 'Taylor', lastName: 'Brooks', email: 'admin@tailspin.example' },
    },
    admin: admin('tailspin.example', 'Taylor Brooks', 'Taylor', 'Brooks'),
    reseller: { partner: 'fabrikam.example' },
    subscriptions: [
      {
        name: 'Tailspin M365',
        workload: 'office365',
        ...M365_BP,
        channel: 'csp',
        billing: 'paid',
        provider: 'fabrikam.example',
        quantity: 30,
        term: 'P1Y',
      },
    ],
    relationships: [
      {
        partner: 'fabrikam.example',
        name: 'Fabrikam-Tailspin support',
        status: 'expired',
        activatedDaysAgo: 400,
        duration: 'P365D',
        roles: [SSA, DR],
        assignments: [{ group: 'Tier1 Support', roles: [SSA, DR] }],
      },
    ],
  },
  {
    domain: 'wideworld.example',
    displayName: 'Wide World Importers',
    locale: 'en-US',
    country: 'US',
    profile: {
      email: 'office@wideworld.example',
      phone: '+1 253 555 0190',
      addressLine1: '100 Harbor Boulevard',
      city: 'Tacoma',
      state: 'WA',
      postalCode: '98402',
      billing: { firstName: 'Jordan', lastName: 'Lee', email: 'admin@wideworld.example' },
    },
    admin: admin('wideworld.example', 'Jordan Lee', 'Jordan', 'Lee'),
    advisor: 'litware.example',
    subscriptions: [
      {
        name: 'Wide World CRM',
        workload: 'dynamics',
        ...DYNAMICS,
        channel: 'direct',
        billing: 'paid',
        quantity: 20,
      },
      {
        name: 'Wide World Azure',
        workload: 'azure',
        offerId: 'MS-AZR-0003P',
        offer: 'Pay-As-You-Go',
        channel: 'direct',
        billing: 'paid',
        quantity: 1,
      },
    ],
    relationships: [
      {
        partner: 'litware.example',
        name: 'Litware-WideWorld support',
        status: 'active',
        activatedDaysAgo: 30,
        duration: 'P365D',
        roles: [SSA],
        assignments: [{ group: 'Admin Agents', roles: [SSA] }],
      },
    ],
  },
]

/** Every demo account, for printing passwords and for tests. */
export function demoUsers(): DemoUser[] {
  return [...VENDOR.users, ...PARTNERS.flatMap((p) => p.users), ...CUSTOMERS.map((c) => c.admin)]
}
