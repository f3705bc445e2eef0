import type { MouseEvent } from 'react'
import { useNavigate } from 'react-router'

/** Elements that do something of their own when clicked: a click on them is not a click on the row. */
const INTERACTIVE =
  'a, button, input, select, textarea, label, [role="menuitem"], [role="menuitemradio"], [role="checkbox"]'

/**
 * A click anywhere on a list row (or card) opens the request — a convenience for the mouse; the
 * title is the real link, for the keyboard, screen readers and new tabs. Clicks on the row's own
 * controls, and selecting text, leave the row alone.
 */
export function useRowOpener(): (path: string) => (event: MouseEvent<HTMLElement>) => void {
  const navigate = useNavigate()
  return (path) => (event) => {
    const target = event.target as HTMLElement
    if (target.closest(INTERACTIVE)) return
    if (window.getSelection()?.toString()) return
    if (event.metaKey || event.ctrlKey) window.open(path, '_blank', 'noopener')
    else void navigate(path)
  }
}

export const requestPath = (id: string) => `/service-requests/${encodeURIComponent(id)}`
