import { useEffect, useRef } from 'react'

/** The server's live stream (server-sent events): incident updates and the person's new notifications. */
export const LIVE_STREAM_URL = '/api/health/stream'

/**
 * Calls `onEvent` for every event of the named kinds on the live stream, and once after a dropped
 * connection comes back (events may have been missed). The browser reconnects by itself.
 */
export function useLiveStream(kinds: readonly string[], onEvent: () => void): void {
  const latest = useRef(onEvent)
  useEffect(() => {
    latest.current = onEvent
  })
  const key = kinds.join(',')
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource(LIVE_STREAM_URL)
    for (const kind of key.split(',')) source.addEventListener(kind, () => latest.current())
    let opened = false
    source.onopen = () => {
      if (opened) latest.current()
      opened = true
    }
    return () => source.close()
  }, [key])
}
