import { describe, expect, it } from 'vitest'
import { retryDelayMs } from '../../src/email/email.delivery.ts'
import { recipientsOf } from '../../src/email/email.events.ts'
import { emailLocaleOf, renderRequestEmail, type RequestEmailInput } from '../../src/email/email.templates.ts'
import type { RequestEvent } from '../../src/service-requests/request-events.ts'
import type { ServiceRequestRecord } from '../../src/service-requests/service-requests.data.ts'

function eventOf(request: Partial<ServiceRequestRecord>, actorEmail: string | null, actorId: string | null) {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    type: 'service_request.note_added',
    at: new Date(),
    request: {
      contact: {
        userId: 'u-anna',
        name: 'Anna Moretti',
        email: 'anna@fabrikam.example',
        phone: null,
        tenantId: 't',
        preferredLanguage: 'it',
      },
      armContact: null,
      ...request,
    } as ServiceRequestRecord,
    actor: { userId: actorId, email: actorEmail, name: 'X', tenantId: null, side: 'vendor' },
    visibility: 'public',
  } satisfies RequestEvent
}

const armContact = (primary: string, additional: string[]) => ({
  firstName: 'Anna',
  lastName: 'Moretti',
  preferredContactMethod: 'email' as const,
  primaryEmailAddress: primary,
  additionalEmailAddresses: additional,
  preferredTimeZone: 'W. Europe Standard Time',
  country: 'ITA',
  preferredSupportLanguage: 'it-IT',
})

describe('email recipients', () => {
  it('when an Azure ticket lists the same address several times in any case, then it is emailed once', () => {
    const event = eventOf(
      {
        armContact: armContact('Anna@Fabrikam.example', [
          'ops@fabrikam.example',
          'ANNA@fabrikam.example',
          'OPS@fabrikam.example',
        ]),
      },
      'engineer@contoso.example',
      'u-engineer',
    )
    expect(recipientsOf(event)).toEqual(['anna@fabrikam.example', 'ops@fabrikam.example'])
  })

  it('when the actor is the contact, then the actor is left out, by user or by address in any case', () => {
    const arm = armContact('ops@fabrikam.example', ['Anna@Fabrikam.Example'])
    expect(recipientsOf(eventOf({ armContact: arm }, 'anna@fabrikam.example', 'u-anna'))).toEqual([
      'ops@fabrikam.example',
    ])
    expect(recipientsOf(eventOf({ armContact: arm }, 'ANNA@FABRIKAM.EXAMPLE', 'u-other'))).toEqual([
      'ops@fabrikam.example',
    ])
    expect(recipientsOf(eventOf({}, null, null))).toEqual(['anna@fabrikam.example'])
  })

  it('when an address could not go in an envelope as it is, then it is skipped', () => {
    const event = eventOf(
      {
        armContact: armContact('Ops <ops@fabrikam.example>', [
          'a@b.example, c@d.example',
          '',
          'ok@x.example',
        ]),
      },
      null,
      null,
    )
    expect(recipientsOf(event)).toEqual(['anna@fabrikam.example', 'ok@x.example'])
  })
})

describe('email templates', () => {
  const input = (extra: Partial<RequestEmailInput> = {}): RequestEmailInput => ({
    kind: 'note',
    locale: 'it',
    request: {
      id: '2611250000000001',
      title: 'Le chiamate Teams cadono',
      tenantName: 'Rossi Costruzioni S.p.A.',
      status: 'open',
      severity: 'critical',
    },
    actor: { name: 'Sam Rivera', organization: 'Contoso Cloud' },
    link: 'https://tramite.example/service-requests/2611250000000001',
    ...extra,
  })

  it('when the request is in Italian, then the email is; any other language gets English', () => {
    expect(emailLocaleOf('it')).toBe('it')
    expect(emailLocaleOf('it-IT')).toBe('it')
    expect(emailLocaleOf('en')).toBe('en')
    expect(emailLocaleOf('de-DE')).toBe('en')
    expect(emailLocaleOf(null)).toBe('en')
    const closed = renderRequestEmail(
      input({ kind: 'closed', request: { ...input().request, status: 'closed' } }),
    )
    expect(closed.subject).toBe('[Tramite 2611250000000001] Le chiamate Teams cadono — Richiesta chiusa')
    expect(closed.text).toContain('Sam Rivera (Contoso Cloud) ha chiuso la richiesta.')
    expect(closed.text).toContain('Stato: Chiusa')
    expect(closed.text).toContain('Gravità: Critica')
    const en = renderRequestEmail(input({ kind: 'closed', locale: 'en' }))
    expect(en.subject).toBe('[Tramite 2611250000000001] Le chiamate Teams cadono — Request closed')
  })

  it('when a severity changes or a file is attached, then the email says from what to what, and what file', () => {
    const severity = renderRequestEmail(input({ kind: 'severity_changed', previousSeverity: 'moderate' }))
    expect(severity.text).toContain(
      'Sam Rivera (Contoso Cloud) ha cambiato la gravità da Moderata a Critica.',
    )
    const attachment = renderRequestEmail(
      input({ kind: 'attachment', locale: 'it', attachment: { fileName: 'log <1>.txt', sizeBytes: 1536 } }),
    )
    expect(attachment.subject).toContain('— Nuovo allegato')
    expect(attachment.text).toContain('ha allegato il file log <1>.txt (1,5 KB).')
    expect(attachment.html).toContain('<strong>log &lt;1&gt;.txt</strong>')
  })

  it('when a title or a name holds markup or line breaks, then the HTML escapes it and the subject stays one line', () => {
    const email = renderRequestEmail(
      input({
        request: { ...input().request, title: 'Broken <img src=x onerror=alert(1)>\r\nBcc: x@evil.example' },
        actor: { name: '"Eve" <eve@evil.example>', organization: 'A & B' },
        note: 'ok',
      }),
    )
    expect(email.subject).toBe(
      '[Tramite 2611250000000001] Broken <img src=x onerror=alert(1)> Bcc: x@evil.example — Nuova nota',
    )
    expect(email.html).not.toMatch(/<img|<eve@/)
    expect(email.html).toContain('Broken &lt;img src=x onerror=alert(1)&gt;')
    expect(email.html).toContain('&quot;Eve&quot; &lt;eve@evil.example&gt; (A &amp; B)')
  })

  it('when delivery keeps failing, then retries wait 30 s, doubling, never more than an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 12].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ])
  })
})
