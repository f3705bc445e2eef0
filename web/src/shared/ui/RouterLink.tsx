import { Link } from '@fluentui/react-components'
import type { MouseEvent, ReactNode } from 'react'
import { useHref, useLinkClickHandler } from 'react-router'

/**
 * href + onClick for any anchor-like Fluent component (Link, BreadcrumbButton, NavItem) that
 * should navigate inside the app, while keeping a real href for new tabs and copied links.
 */
export function useRouterLinkProps(to: string): {
  href: string
  onClick: (event: MouseEvent<HTMLElement>) => void
} {
  const href = useHref(to)
  const handle = useLinkClickHandler<HTMLElement>(to)
  return { href, onClick: handle }
}

interface RouterLinkProps {
  to: string
  children: ReactNode
  className?: string
  inline?: boolean
  'data-testid'?: string
}

export function RouterLink({ to, ...rest }: RouterLinkProps) {
  const { href, onClick } = useRouterLinkProps(to)
  return <Link {...rest} href={href} onClick={onClick} />
}
