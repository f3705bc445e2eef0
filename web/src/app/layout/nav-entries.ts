import {
  AppsList20Filled,
  AppsList20Regular,
  ClipboardTaskListLtr20Filled,
  ClipboardTaskListLtr20Regular,
  Handshake20Filled,
  Handshake20Regular,
  Home20Filled,
  Home20Regular,
  People20Filled,
  People20Regular,
  PersonSearch20Filled,
  PersonSearch20Regular,
  ShieldKeyhole20Filled,
  ShieldKeyhole20Regular,
  PeopleTeam20Filled,
  PeopleTeam20Regular,
  Person20Filled,
  Person20Regular,
  ShieldCheckmark20Filled,
  ShieldCheckmark20Regular,
  Building20Filled,
  Building20Regular,
  BoxMultiple20Filled,
  BoxMultiple20Regular,
  bundleIcon,
  type FluentIcon,
} from '@fluentui/react-icons'
import type { SessionUser } from '../../features/auth/api.ts'

/**
 * One entry of the side navigation. The navigation shows an entry only to whom `visible` lets
 * see it: a page the person cannot use is not offered. Add an entry here (in the order it shows);
 * `matches` says which paths keep it selected (default: its path and the paths under it).
 */
export interface NavEntry {
  value: string
  path: string
  /** A key of the UI catalog (i18n). */
  label: string
  icon: FluentIcon
  visible: (user: SessionUser) => boolean
  matches?: (pathname: string) => boolean
}

const Home = bundleIcon(Home20Filled, Home20Regular)
const People = bundleIcon(People20Filled, People20Regular)
const Requests = bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular)
const Gdap = bundleIcon(ShieldKeyhole20Filled, ShieldKeyhole20Regular)
const Partners = bundleIcon(Handshake20Filled, Handshake20Regular)
const Trace = bundleIcon(PersonSearch20Filled, PersonSearch20Regular)
const Apps = bundleIcon(AppsList20Filled, AppsList20Regular)
const Channel = bundleIcon(Building20Filled, Building20Regular)
const Products = bundleIcon(BoxMultiple20Filled, BoxMultiple20Regular)
const isVendorAdmin = (u: SessionUser) => u.tenantKind === 'vendor' && u.roles.includes('global_admin')

const DirectoryUsers = bundleIcon(Person20Filled, Person20Regular)
const DirectoryGroups = bundleIcon(PeopleTeam20Filled, PeopleTeam20Regular)
const Entitlements = bundleIcon(ShieldCheckmark20Filled, ShieldCheckmark20Regular)

const isPartner = (u: SessionUser) => u.tenantKind === 'partner'
const isCustomer = (u: SessionUser) => u.tenantKind === 'customer'
const isAdmin = (u: SessionUser) => u.roles.includes('admin_agent') || u.roles.includes('global_admin')

export const NAV_ENTRIES: NavEntry[] = [
  {
    value: 'home',
    path: '/home',
    label: 'daily.nav.home',
    icon: Home,
    visible: (u) => !(u.tenantKind === 'vendor'),
  },
  { value: 'customers', path: '/customers', label: 'nav.customers', icon: People, visible: isPartner },
  {
    value: 'service-requests',
    path: '/service-requests',
    label: 'nav.serviceRequests',
    icon: Requests,
    visible: () => true,
  },
  {
    value: 'gdap',
    path: '/gdap',
    label: 'nav.gdap',
    icon: Gdap,
    visible: isPartner,
    matches: (p) => p.startsWith('/gdap') && !p.startsWith('/gdap/trace'),
  },
  { value: 'gdap-trace', path: '/gdap/trace', label: 'nav.accessTrace', icon: Trace, visible: isPartner },
  {
    value: 'partner-relationships',
    path: '/gdap',
    label: 'nav.partnerRelationships',
    icon: Partners,
    visible: isCustomer,
    matches: (p) => p.startsWith('/gdap'),
  },
  // app registrations (the "apps" catalog namespace): a tenant's administrators
  { value: 'applications', path: '/applications', label: 'apps:nav', icon: Apps, visible: isAdmin },
  // the directory ("directory" namespace): everyone of a partner reads it, its admins change it
  {
    value: 'directory-users',
    path: '/directory/users',
    label: 'directory:nav.users',
    icon: DirectoryUsers,
    visible: (u) => isPartner(u) || isAdmin(u),
  },
  {
    value: 'directory-groups',
    path: '/directory/groups',
    label: 'directory:nav.groups',
    icon: DirectoryGroups,
    visible: (u) => isPartner(u) || isAdmin(u),
  },
  {
    value: 'directory-entitlements',
    path: '/directory/entitlements',
    label: 'directory:nav.entitlements',
    icon: Entitlements,
    visible: isPartner,
  },
  // the vendor administers its channel (the "vendorAdmin" namespace): vendor global administrators
  {
    value: 'vendor-partners',
    path: '/vendor/partners',
    label: 'vendorAdmin:nav.partners',
    icon: Channel,
    visible: isVendorAdmin,
  },
  {
    value: 'vendor-products',
    path: '/vendor/products',
    label: 'vendorAdmin:nav.products',
    icon: Products,
    visible: isVendorAdmin,
  },
]

const under = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`)

/** The entry a path belongs to (customer pages keep "Customers" selected), or '' for none. */
export function sectionOf(pathname: string, entries: readonly NavEntry[]): string {
  const entry = entries.find((e) => (e.matches ? e.matches(pathname) : under(pathname, e.path)))
  if (entry) return entry.value
  if (pathname.startsWith('/health')) return 'health'
  if (pathname.startsWith('/azure')) return 'azure-support'
  if (pathname.startsWith('/admin-center')) return 'm365-admin-center'
  return ''
}
