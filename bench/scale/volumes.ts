/**
 * The scale suite's data: partners, customers and service requests generated with SQL
 * (generate_series) on top of the demo world, through the real schema — every constraint, foreign
 * key and trigger (the search vectors, the note triggers) runs as it does for a filing.
 *
 * The volume grows in place: loading 1,000,000 requests into a database that holds 100,000 adds
 * the other 900,000. Requests are spread over the same two years whatever their number (a larger
 * deployment has more requests a day, not a longer past), with a low-discrepancy sequence so that
 * any prefix 1..N is spread evenly: the open requests, the running clocks and every word's share
 * grow in proportion to the volume.
 *
 * The shape of the data, per request number n:
 * - every 100th request is Rossi's (filed by Anna at Fabrikam: the "large customer"); the others
 *   belong to one of the bench customers, each served by one of 200 partners (Fabrikam is one);
 * - a quarter mention printers in Italian ("stampante"), a quarter mailboxes in English ("mailbox"),
 *   one in 2,000 the rare Italian word "magazzino", another one in 2,000 the rare English
 *   "quarantine"; 100 requests (whatever the volume) "fotocopiatrice", 100 others "thermostat";
 *   fifty topic words each reach 2 %;
 * - requests of the last three days are mostly open, older ones mostly closed; every vendor request
 *   carries its R14 first-response clock (some answered late, some still running or breached);
 * - one request in ten has a public note, one in forty an internal one.
 */
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import type { Db } from '../../src/platform/db/database.ts'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'

/** Bump when the generated data change: a reused database with another version is rebuilt. */
export const LOADER_VERSION = 4

export const ROSSI = tenantIdOf('rossi.example')
export const FABRIKAM = tenantIdOf('fabrikam.example')
export const BENCH_PARTNERS = 200
export const RARE_IT = 'magazzino'
export const RARE_EN = 'quarantine'
export const COMMON_IT = 'stampante'
export const COMMON_EN = 'mailbox'
/**
 * Rare words in a fixed number of requests at every volume (100 each, among requests 1..10,000):
 * a page of a search for them is full, and reads the same rows, at 10 k, 100 k and 1 M — the
 * like-for-like twin of RARE_IT and RARE_EN, whose matches grow with the volume (1 in 2,000).
 */
export const FIXED_IT = 'fotocopiatrice'
export const FIXED_EN = 'thermostat'
export const FIXED_MATCHES = 100

const SPAN_DAYS = 730
const META_KEY = 'bench_scale'

export interface Volume {
  requests: number
  customers: number
  partners: number
}

export interface LoadedVolume extends Volume {
  version: number
}

/** What the database holds already (null: not loaded by this suite). */
export async function loadedVolume(db: Db): Promise<LoadedVolume | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', META_KEY).executeTakeFirst()
  return row ? (row.value as LoadedVolume) : null
}

/** Partner p (0..199): Fabrikam for 0, else a bench partner. Customer c: a bench customer. */
const partnerIdSql = (p: ReturnType<typeof sql>) =>
  sql`case when ${p} = 0 then ${FABRIKAM}::uuid else md5('bench-partner-' || ${p})::uuid end`
const agentIdSql = (p: ReturnType<typeof sql>) =>
  sql`case when ${p} = 0 then ${demoId('user', 'anna@fabrikam.example')}::uuid else md5('bench-agent-' || ${p})::uuid end`

/** Adds partners and customers up to the volume's numbers (idempotent). */
async function loadDirectory(db: Db, volume: Volume): Promise<void> {
  await sql`insert into tenants (id, kind, display_name, default_domain, locale, country)
    select md5('bench-partner-' || p)::uuid, 'partner', 'Bench Partner ' || p, 'benchpartner' || p || '.example',
      case when p % 2 = 0 then 'it-IT' else 'en-US' end, case when p % 2 = 0 then 'IT' else 'US' end
    from generate_series(1, ${volume.partners - 1}::int) p
    on conflict (id) do nothing`.execute(db)
  await sql`insert into partners (tenant_id, partner_type, mpn_id, support_email, support_phone)
    select md5('bench-partner-' || p)::uuid, 'direct', 'BENCH' || p, 'support@benchpartner' || p || '.example', '+39 02 0000 ' || lpad(p::text, 4, '0')
    from generate_series(1, ${volume.partners - 1}::int) p
    on conflict (tenant_id) do nothing`.execute(db)
  await sql`insert into users (id, tenant_id, email, display_name, given_name, surname, phone, locale)
    select md5('bench-agent-' || p)::uuid, md5('bench-partner-' || p)::uuid, 'agent@benchpartner' || p || '.example',
      'Agent ' || p, 'Agent', p::text, '+39 02 1111 ' || lpad(p::text, 4, '0'), 'it'
    from generate_series(1, ${volume.partners - 1}::int) p
    on conflict (id) do nothing`.execute(db)
  await sql`insert into user_roles (user_id, role)
    select md5('bench-agent-' || p)::uuid, 'admin_agent' from generate_series(1, ${volume.partners - 1}::int) p
    on conflict do nothing`.execute(db)
  await sql`insert into tenants (id, kind, display_name, default_domain, locale, country)
    select md5('bench-customer-' || c)::uuid, 'customer', 'Bench Customer ' || c, 'benchcustomer' || c || '.example',
      case when c % 3 = 0 then 'en-US' else 'it-IT' end, case when c % 3 = 0 then 'US' else 'IT' end
    from generate_series(1, ${volume.customers}::int) c
    on conflict (id) do nothing`.execute(db)
  await sql`insert into customer_relationships (customer_tenant_id, partner_tenant_id, relationship)
    select md5('bench-customer-' || c)::uuid, ${partnerIdSql(sql`(c % ${volume.partners}::int)`)}, 'reseller'
    from generate_series(1, ${volume.customers}::int) c
    on conflict do nothing`.execute(db)
}

/**
 * Inserts requests first+1 … last (and their notes) in one statement each. The before-insert
 * trigger computes each request's search vectors; the notes' trigger adds their words.
 */
async function loadRequests(db: Db, first: number, last: number, volume: Volume): Promise<void> {
  const engineer = demoId('user', 'engineer@contoso.example')
  const anna = demoId('user', 'anna@fabrikam.example')
  const n = sql`t.n`
  await sql`
    with g as (
      select n,
        -- where in the two years this request falls (0 = now), spread evenly for any prefix
        ((n * 0.6180339887498949) - floor(n * 0.6180339887498949)) as frac,
        case when n % 100 = 0 then null else 1 + (n * 7919) % ${volume.customers}::int end as customer,
        (n * 2654435761) % 1000 as h,
        (n * 40503) % 997 as h2
      from generate_series(${first + 1}::int8, ${last}::int8) n
    ),
    r as (
      select g.*,
        case when g.customer is null then ${ROSSI}::uuid else md5('bench-customer-' || g.customer)::uuid end as tenant_id,
        case when g.customer is null then 0 else g.customer % ${volume.partners}::int end as partner,
        now() - (g.frac * ${SPAN_DAYS}::int) * interval '1 day' as created_at,
        g.frac * ${SPAN_DAYS}::int < 3 as recent,
        (array['minimal','minimal','minimal','minimal','minimal','moderate','moderate','moderate','moderate','critical'])[1 + g.h % 10] as severity,
        g.h % 20 <> 0 as by_vendor
      from g
    ),
    s as (
      select r.*,
        case when r.recent then (array['open','open','open','open','open','open','open','attention_needed','attention_needed','closed'])[1 + r.h2 % 10]
             when r.h2 % 100 < 2 then 'open' when r.h2 % 100 = 2 then 'attention_needed' else 'closed' end as status,
        case when r.by_vendor then r.created_at + (case r.severity when 'critical' then 120 when 'moderate' then 240 else 480 end) * interval '1 minute' end as due,
        (case r.severity when 'critical' then 120 when 'moderate' then 240 else 480 end) as due_minutes
      from r
    ),
    t as (
      select s.*,
        -- answered at 10 % … 129 % of the target (late ones breached the SLA); the newest often not yet
        case when not s.by_vendor then null
             when s.recent and s.h % 2 = 0 then null
             when s.created_at + s.due_minutes * (0.1 + (s.h % 120) / 100.0) * interval '1 minute' > now() then null
             else s.created_at + s.due_minutes * (0.1 + (s.h % 120) / 100.0) * interval '1 minute' end as responded,
        least(now(), s.created_at + (s.h % 97) * interval '1 hour') as modified
      from s
    )
    insert into service_requests (id, tenant_id, partner_tenant_id, handled_by, workload_id, azure_service_id, problem_type,
      title, description, severity, status, contact, created_by_user_id, created_by_tenant_id, delegation, decided_by_rule,
      support_plan, locale, country, created_at, modified_at, closed_at, first_response_due_at, sla_started_at,
      first_response_at, sla_breached_at, assigned_to_user_id)
    select
      to_char(t.created_at at time zone 'UTC', 'YYMMDD') || lpad(nextval('service_request_number')::text, 10, '0'),
      t.tenant_id,
      ${partnerIdSql(sql`t.partner`)},
      case when t.by_vendor then 'vendor' else 'partner' end,
      case when t.n % 5 = 0 then 'azure' when t.n % 7 = 0 then 'dynamics' else 'office365' end,
      case when t.n % 5 = 0 then (select a.id from azure_services a order by a.sort_order, a.id offset (t.n / 5) % (select count(*) from azure_services) limit 1) end,
      'technical',
      (array['Le stampanti di rete non stampano', 'Mailbox migration stalled', 'Teams calls drop after two minutes', 'Accesso negato a SharePoint'])[1 + ${n} % 4]
        || ' — argomento' || (${n} / 4) % 50 || ' topic' || (${n} / 4) % 50,
      (array['Nessuna stampante del piano accetta lavori di stampa dopo l''aggiornamento.',
             'Several mailboxes are stuck while migrating to Exchange Online.',
             'Calls drop for every user of the branch office after two minutes.',
             'Gli utenti ricevono un errore di accesso sul sito del reparto.'])[1 + ${n} % 4]
        || case when ${n} % 2000 = 3 then ' Il ${sql.raw(RARE_IT)} centrale non riceve gli ordini.'
                when ${n} % 2000 = 1003 then ' Messages land in ${sql.raw(RARE_EN)} without a reason.' else '' end
        || case when ${n} <= 10000 and ${n} % 100 = 37 then ' La ${sql.raw(FIXED_IT)} del secondo piano è ferma.'
                when ${n} <= 10000 and ${n} % 100 = 87 then ' The ${sql.raw(FIXED_EN)} of the server room reports errors.' else '' end
        || ' Richiesta ' || ${n} || '.',
      t.severity,
      t.status,
      jsonb_build_object('userId', ${agentIdSql(sql`t.partner`)}, 'name', case when t.partner = 0 then 'Anna Moretti' else 'Agent ' || t.partner end,
        'email', case when t.partner = 0 then 'anna@fabrikam.example' else 'agent@benchpartner' || t.partner || '.example' end,
        'phone', '+39 02 1234 5678', 'tenantId', ${partnerIdSql(sql`t.partner`)}, 'preferredLanguage', 'it'),
      ${agentIdSql(sql`t.partner`)},
      ${partnerIdSql(sql`t.partner`)},
      jsonb_build_object('partnerTenantId', ${partnerIdSql(sql`t.partner`)}, 'partnerName', case when t.partner = 0 then 'Fabrikam' else 'Bench Partner ' || t.partner end,
        'relationshipId', null, 'relationshipName', null, 'roleName', 'Service Support Administrator', 'groupName', null),
      case when t.by_vendor then 'R9' else 'R10' end,
      case when t.by_vendor then 'csp' else 'partner' end,
      'it', 'IT',
      t.created_at,
      greatest(t.created_at, t.modified),
      case when t.status = 'closed' then greatest(t.created_at, t.modified) end,
      t.due,
      case when t.by_vendor then t.created_at end,
      t.responded,
      case when t.by_vendor and t.responded is null and t.status <> 'closed' and t.due <= now() then t.due end,
      case when t.by_vendor and t.h % 3 = 0 then ${engineer}::uuid end
    from t
    order by t.n`.execute(db)
  // notes: the trigger adds their words to the request's search vectors
  await sql`
    insert into service_request_notes (request_id, author_user_id, author_name, author_tenant_id, text, created_at, visibility)
    select r.id, case when r.handled_by = 'vendor' then ${engineer}::uuid else ${anna}::uuid end, 'Support',
      case when r.handled_by = 'vendor' then ${tenantIdOf('contoso.example')}::uuid else r.partner_tenant_id end,
      case when x.internal then 'Verificato il tenant: il problema è nella configurazione del connettore.'
           else 'We checked the configuration and applied a fix; please confirm it works.' end,
      r.created_at + interval '30 minutes', case when x.internal then 'internal' else 'public' end
    from service_requests r
    cross join lateral (select (substring(r.id from 7)::bigint % 40 = 0) as internal) x
    where substring(r.id from 7)::bigint between ${first + 1}::int8 and ${last}::int8
      and substring(r.id from 7)::bigint % 10 = 0`.execute(db)
}

/**
 * Grows the database to `volume` (from what it holds), then analyzes it. Answers the seconds spent.
 * The bench owns the database: requests filed in it by hand would take the numbers the loader
 * gives (request n is number n).
 */
export async function loadVolume(
  db: Db,
  volume: Volume,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const started = performance.now()
  const loaded = await loadedVolume(db)
  const from = loaded?.requests ?? 0
  if (loaded && loaded.version !== LOADER_VERSION)
    throw new Error('the database holds another loader version')
  if (from > volume.requests)
    throw new Error(`the database holds ${from} requests, more than ${volume.requests}`)
  await loadDirectory(db, volume)
  const chunk = 50_000
  for (let first = from; first < volume.requests; first += chunk) {
    const last = Math.min(volume.requests, first + chunk)
    // request n gets the number n (the notes find their requests by it)
    await sql`select setval('service_request_number', ${first + 1}::int8, false)`.execute(db)
    await loadRequests(db, first, last, volume)
    log(`  loaded ${last.toLocaleString('en')} / ${volume.requests.toLocaleString('en')} requests`)
  }
  const value = JSON.stringify({ ...volume, version: LOADER_VERSION } satisfies LoadedVolume)
  await sql`insert into app_meta (key, value) values (${META_KEY}, ${value}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(db)
  return (performance.now() - started) / 1000
}
