/** Side-navigation entries of the service-health pages (rendered by SideNav). */
export function HealthNavItems() {
  return null
}
