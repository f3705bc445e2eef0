import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `intervalMs` while `active` (e.g. while something the scheduler finishes
 * within seconds is still pending). The latest `tick` is used without restarting the timer.
 */
export function usePolling(active: boolean, intervalMs: number, tick: () => void): void {
  const latest = useRef(tick)
  useEffect(() => {
    latest.current = tick
  })
  useEffect(() => {
    if (!active) return
    const timer = window.setInterval(() => latest.current(), intervalMs)
    return () => window.clearInterval(timer)
  }, [active, intervalMs])
}
