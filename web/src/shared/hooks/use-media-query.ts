import { useEffect, useState } from 'react'

/** Below this width lists show cards instead of table rows (phones). */
export const PHONE_QUERY = '(max-width: 599.98px)'

/** Whether `query` matches the window now (follows resizes and rotations). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const onChange = () => setMatches(list.matches)
    onChange()
    list.addEventListener('change', onChange)
    return () => list.removeEventListener('change', onChange)
  }, [query])
  return matches
}
