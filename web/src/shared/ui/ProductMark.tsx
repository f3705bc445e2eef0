/** The Tramite logo mark (the same drawing as favicon.svg). */
export function ProductMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#0f6cbd" />
      <path d="M8 9h16v3.5h-6.2V24h-3.6V12.5H8z" fill="#fff" />
    </svg>
  )
}
