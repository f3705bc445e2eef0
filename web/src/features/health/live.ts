import { useEffect, useRef, useState } from 'react'
import { streamUrl, type IncidentEvent } from './api.ts'

export interface LiveState {
  /** The stream is open. */
  connected: boolean
  /** connecting (first time or again after a drop), open, or closed for good (e.g. no access). */
  state: 'connecting' | 'open' | 'closed'
  /** The last incident event and when it arrived. */
  last: { event: IncidentEvent; at: number } | null
}

/**
 * Listens to the live incident stream (server-sent events, same origin, the session cookie) and
 * calls `onIncident` for every published or updated incident the viewer may see — and with null
 * after a reconnection, when events may have been missed. The browser reconnects by itself after
 * a dropped connection; an HTTP error (no access, signed out) ends the stream.
 */
export function useIncidentStream(
  enabled: boolean,
  tenantId: string | undefined,
  onIncident: (event: IncidentEvent | null) => void,
): LiveState {
  const latest = useRef(onIncident)
  useEffect(() => {
    latest.current = onIncident
  })
  const [state, setState] = useState<LiveState>({ connected: false, state: 'connecting', last: null })

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return
    const source = new EventSource(streamUrl(tenantId))
    let opened = false
    source.onopen = () => {
      setState((s) => ({ ...s, connected: true, state: 'open' }))
      if (opened) latest.current(null)
      opened = true
    }
    source.onerror = () =>
      setState((s) => ({
        ...s,
        connected: false,
        state: source.readyState === EventSource.CLOSED ? 'closed' : 'connecting',
      }))
    source.addEventListener('incident', (message) => {
      let event: IncidentEvent
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as IncidentEvent
      } catch {
        return
      }
      setState({ connected: true, state: 'open', last: { event, at: Date.now() } })
      latest.current(event)
    })
    return () => {
      source.close()
      setState({ connected: false, state: 'connecting', last: null })
    }
  }, [enabled, tenantId])

  return state
}
