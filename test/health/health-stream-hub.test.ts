import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createHealthStreamHub } from '../../src/health/health-stream-hub.ts'
import { presentIncident } from '../../src/health/health.http.ts'
import { actorFor } from '../../src/identity/actor.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')

describe.each(dialects())('health stream hub (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  const actorOf = async (email: string) => actorFor((await findUserByEmail(t.ctx.db, email))!, 'session')

  it('when many streams of the same viewers are open, then an event is worked out once per viewer and each stream gets its viewer’s text; closed streams get nothing', async () => {
    const hub = createHealthStreamHub(t.ctx, (incident) => presentIncident(incident))
    const anna = await actorOf('anna@fabrikam.example')
    const ada = await actorOf('ada@adatum.example')
    const annaStreams = Array.from({ length: 20 }, () => [] as string[])
    const closers = annaStreams.map((sink) => hub.open(anna, undefined, (text) => sink.push(text)))
    // the same person on another request (a new Actor object) joins the same viewer
    const again: string[] = []
    hub.open(await actorOf('anna@fabrikam.example'), undefined, (text) => again.push(text))
    const adaStream: string[] = []
    hub.open(ada, undefined, (text) => adaStream.push(text))
    const onlyRossi: string[] = []
    hub.open(anna, ROSSI, (text) => onlyRossi.push(text))
    expect(hub.size()).toEqual({ streams: 23, viewers: 3 })
    closers[19]!()
    expect(hub.size()).toEqual({ streams: 22, viewers: 3 })

    const engineer = await t.tokenFor('engineer@contoso.example')
    const published = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'Hub check',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'x',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI],
        message: 'Investigating.',
      },
    })
    expect(published.status).toBe(201)
    await vi.waitFor(() => expect(annaStreams[0]).toHaveLength(1))
    await hub.idle()
    const text = annaStreams[0]![0]!
    expect(JSON.parse(/^data: (.+)$/m.exec(text)![1]!)).toMatchObject({
      kind: 'published',
      incident: { id: published.json().id },
      tenants: [ROSSI],
    })
    for (const sink of annaStreams.slice(0, 19)) expect(sink).toEqual([text])
    expect(annaStreams[19]).toEqual([])
    expect(again).toEqual([text])
    expect(onlyRossi).toHaveLength(1)
    // Adatum does not serve Rossi: its viewer hears nothing of another partner's customer
    expect(adaStream).toEqual([])
  })
})
