/** Side-navigation entries of the workload portals (rendered by SideNav). */
export function WorkloadPortalNavItems() {
  return null
}
