import { useEffect, useState } from 'react'

/** Below this width the side navigation overlays the page instead of sitting beside it. */
export const NARROW_QUERY = '(max-width: 1023.98px)'

/** Whether the window is phone- or tablet-sized (follows resizes and rotations). */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_QUERY).matches)
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY)
    const onChange = () => setNarrow(query.matches)
    onChange()
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [])
  return narrow
}
