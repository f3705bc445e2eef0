import type { AppContext } from '../platform/context.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { anchorTarget, headDocument, recordAnchor, sendHead } from './audit-anchor.ts'
import { chainHead } from './audit-chain.data.ts'
import { sealAuditEvents } from './audit-seal.ts'
import { type Anchor, verifyChain, type VerifyReport } from './audit-verify.ts'
import { describeBreak } from './audit.messages.ts'

/**
 * `tramite audit verify|head`, run by the process that owns the database (the server, over the
 * control socket, or the CLI itself when no server runs). The operator holds the data directory or
 * the database credentials, so no role is asked for here.
 */

/** `--anchor <eventId>:<chainHash>`, as printed by `tramite audit head` and kept outside. */
export function parseAnchor(text: string): Anchor {
  const match = /^(\d{1,18}):([0-9a-f]{64})$/.exec(text.trim().toLowerCase())
  if (!match)
    throw Object.assign(new Error(`--anchor ${text}: expected <eventId>:<64 hex digits of the chain hash>`), {
      code: 'bad_anchor',
    })
  return { eventId: Number(match[1]), chainHash: match[2]!, source: 'command line' }
}

export async function auditVerifyCommand(
  ctx: AppContext,
  args: Record<string, unknown>,
): Promise<{ report: VerifyReport; lines: string[] }> {
  const locale: Locale = args.locale === 'it' ? 'it' : 'en'
  const anchors = (Array.isArray(args.anchor) ? args.anchor : []).map((a) => parseAnchor(String(a)))
  // seal what is sealable first, so the report covers what was written until now
  await sealAuditEvents(ctx)
  const report = await verifyChain(ctx.db, { anchors })
  return { report, lines: describeReport(report, locale) }
}

function describeReport(report: VerifyReport, locale: Locale): string[] {
  const it = locale === 'it'
  const head = report.head ? `${report.head.eventId} ${report.head.chainHash}` : '—'
  const lines = [
    report.status === 'intact'
      ? it
        ? 'Catena di audit integra.'
        : 'Audit chain intact.'
      : `${it ? 'Catena di audit INTERROTTA' : 'Audit chain BROKEN'}: ${describeBreak(report.firstBreak!, locale)}`,
    it
      ? `  eventi verificati: ${report.checkedEvents}; testa: ${head}; in attesa di sigillo: ${report.pendingEvents}`
      : `  events checked: ${report.checkedEvents}; head: ${head}; waiting to be sealed: ${report.pendingEvents}`,
    it
      ? `  teste ancorate verificate: ${report.anchors.checked}, corrispondenti: ${report.anchors.matched}`
      : `  anchored heads checked: ${report.anchors.checked}, matching: ${report.anchors.matched}`,
  ]
  for (const other of report.breaks.slice(1, 20)) lines.push(`  ${describeBreak(other, locale)}`)
  if (report.breaks.length > 20) lines.push(`  … ${report.breaks.length - 20} ${it ? 'altre' : 'more'}`)
  return lines
}

/** The head document; with `send`, also POSTed to AUDIT_ANCHOR_URL now and recorded as anchored. */
export async function auditHeadCommand(ctx: AppContext, args: Record<string, unknown>): Promise<unknown> {
  await sealAuditEvents(ctx)
  const head = await chainHead(ctx.db)
  if (!head)
    throw Object.assign(new Error('The audit chain is empty: nothing is sealed yet.'), {
      code: 'empty_chain',
    })
  const document = headDocument(ctx, head, ctx.now())
  if (args.send) {
    const url = ctx.config.AUDIT_ANCHOR_URL
    if (!url) throw Object.assign(new Error('--send needs AUDIT_ANCHOR_URL'), { code: 'no_anchor_url' })
    const receipt = await sendHead(ctx, url, head)
    await recordAnchor(ctx, head, anchorTarget(url), receipt || null)
    return { ...document, anchoredTo: anchorTarget(url) }
  }
  return document
}
