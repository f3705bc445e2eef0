import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'

const useStyles = makeStyles({
  frame: { position: 'relative', minWidth: 0 },
  track: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    overflowX: 'auto',
    scrollBehavior: 'smooth',
    scrollbarWidth: 'thin',
    paddingBottom: tokens.spacingVerticalXS,
  },
  // the edge that hides more: a fade and a chevron, so a row that scrolls says so
  edge: {
    position: 'absolute',
    top: 0,
    bottom: tokens.spacingVerticalXS,
    display: 'flex',
    alignItems: 'center',
    width: '48px',
    pointerEvents: 'none',
  },
  start: {
    left: 0,
    justifyContent: 'flex-start',
    backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralBackground1} 45%, transparent)`,
  },
  end: {
    right: 0,
    justifyContent: 'flex-end',
    backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralBackground1} 45%, transparent)`,
  },
  chevron: { pointerEvents: 'auto' },
})

/**
 * A row of items (tabs, views) that scrolls sideways when it does not fit — on a phone — with a
 * visible affordance: the hidden side fades out and carries a chevron that scrolls it into view.
 */
export function ScrollRow({
  children,
  label,
  backLabel,
  onLabel,
  className,
  'data-testid': testId,
}: {
  children: ReactNode
  /** The group's accessible name. */
  label: string
  /** The chevrons' names ("Show earlier views", "Show more views"). */
  backLabel: string
  onLabel: string
  className?: string
  'data-testid'?: string
}) {
  const styles = useStyles()
  const track = useRef<HTMLDivElement>(null)
  const [hidden, setHidden] = useState({ before: false, after: false })

  const measure = useCallback(() => {
    const el = track.current
    if (!el) return
    const before = el.scrollLeft > 1
    const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1
    setHidden((h) => (h.before === before && h.after === after ? h : { before, after }))
  }, [])

  useEffect(() => {
    const el = track.current
    if (!el) return
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    el.addEventListener('scroll', measure, { passive: true })
    return () => {
      observer.disconnect()
      el.removeEventListener('scroll', measure)
    }
  }, [measure])
  useEffect(measure, [children, measure])

  const scroll = (direction: 1 | -1) =>
    track.current?.scrollBy({ left: direction * track.current.clientWidth * 0.7 })

  return (
    <div
      className={mergeClasses(styles.frame, className)}
      data-testid={testId}
      data-overflow-before={hidden.before}
      data-overflow-after={hidden.after}
    >
      <div ref={track} className={styles.track} role="group" aria-label={label}>
        {children}
      </div>
      {hidden.before && (
        <div className={mergeClasses(styles.edge, styles.start)}>
          <Button
            className={styles.chevron}
            size="small"
            shape="circular"
            appearance="subtle"
            icon={<ChevronLeftRegular />}
            aria-label={backLabel}
            tabIndex={-1}
            onClick={() => scroll(-1)}
            data-testid="scroll-back"
          />
        </div>
      )}
      {hidden.after && (
        <div className={mergeClasses(styles.edge, styles.end)}>
          <Button
            className={styles.chevron}
            size="small"
            shape="circular"
            appearance="subtle"
            icon={<ChevronRightRegular />}
            aria-label={onLabel}
            tabIndex={-1}
            onClick={() => scroll(1)}
            data-testid="scroll-on"
          />
        </div>
      )}
    </div>
  )
}
