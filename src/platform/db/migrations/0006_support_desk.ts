import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The vendor's support desk and the channels around requests: assignment, internal notes, the
 * first-response SLA (R14) as data, full-text search in Italian and English, attachments, the
 * email outbox, webhooks for PSA tools, and idempotent creates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table service_requests add column assigned_to_user_id uuid references users(id) on delete set null;
    alter table service_requests add column first_response_at timestamptz;
    alter table service_requests add column sla_breached_at timestamptz;
    alter table service_requests add column external_reference text check (length(external_reference) between 1 and 200);
    -- words of the title, the description and the public notes (everyone who may read the request sees them)
    alter table service_requests add column search_public tsvector not null default ''::tsvector;
    -- words of the internal notes: only the vendor's engineers search them
    alter table service_requests add column search_internal tsvector not null default ''::tsvector;
    create index service_requests_search_public_idx on service_requests using gin (search_public);
    create index service_requests_search_internal_idx on service_requests using gin (search_internal);
    create index service_requests_assignee_idx on service_requests (assigned_to_user_id, created_at desc);
    -- the SLA job's work list: open requests without a first response
    create index service_requests_sla_due_idx on service_requests (first_response_due_at)
      where first_response_at is null and sla_breached_at is null and status <> 'closed';

    alter table service_request_notes add column visibility text not null default 'public' check (visibility in ('public', 'internal'));

    -- Text in both languages the product speaks: Italian and English stems of the same words.
    create function tramite_words(body text) returns tsvector language sql immutable as $$
      select to_tsvector('italian', coalesce(body, '')) || to_tsvector('english', coalesce(body, '')) || to_tsvector('simple', coalesce(body, ''))
    $$;

    create function service_request_search_refresh() returns trigger language plpgsql as $$
    begin
      new.search_public :=
        setweight(tramite_words(new.title), 'A') || setweight(tramite_words(new.description), 'B') ||
        setweight(tramite_words((select string_agg(n.text, ' ') from service_request_notes n where n.request_id = new.id and n.visibility = 'public')), 'C');
      new.search_internal :=
        setweight(tramite_words((select string_agg(n.text, ' ') from service_request_notes n where n.request_id = new.id and n.visibility = 'internal')), 'C');
      return new;
    end $$;
    create trigger service_requests_search before insert or update of title, description on service_requests
      for each row execute function service_request_search_refresh();

    create function service_request_note_search() returns trigger language plpgsql as $$
    begin
      if new.visibility = 'public' then
        update service_requests set search_public = search_public || setweight(tramite_words(new.text), 'C') where id = new.request_id;
      else
        update service_requests set search_internal = search_internal || setweight(tramite_words(new.text), 'C') where id = new.request_id;
      end if;
      return null;
    end $$;
    create trigger service_request_notes_search after insert on service_request_notes
      for each row execute function service_request_note_search();

    update service_requests set title = title;

    create table service_request_attachments (
      id uuid primary key,
      request_id text not null references service_requests(id) on delete cascade,
      file_name text not null check (length(file_name) between 1 and 255),
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null,
      content bytea not null,
      visibility text not null default 'public' check (visibility in ('public', 'internal')),
      uploaded_by_user_id uuid references users(id) on delete set null,
      uploaded_by_name text not null,
      uploaded_by_tenant_id uuid not null references tenants(id) on delete cascade,
      created_at timestamptz not null default now()
    );
    create index service_request_attachments_request_idx on service_request_attachments (request_id, created_at);

    -- A retried create with the same key answers the request the first one made.
    create table idempotency_keys (
      user_id uuid not null references users(id) on delete cascade,
      key text not null check (length(key) between 1 and 255),
      scope text not null,
      request_hash text not null,
      resource_id text not null,
      created_at timestamptz not null default now(),
      primary key (user_id, scope, key)
    );
    create index idempotency_keys_created_idx on idempotency_keys (created_at);

    -- Email waits here until the SMTP server accepts it: an outage delays mail, never loses it.
    create table email_outbox (
      id bigint generated always as identity primary key,
      -- one message per event and recipient, however often the event is recorded
      dedupe_key text not null unique,
      request_id text references service_requests(id) on delete cascade,
      to_address text not null,
      locale text not null,
      subject text not null,
      body_text text not null,
      body_html text not null,
      thread_id text,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      -- a sender holds a message until then; a crashed sender's hold simply runs out
      locked_until timestamptz,
      last_error text,
      message_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';

    create table webhook_subscriptions (
      id uuid primary key,
      tenant_id uuid not null references tenants(id) on delete cascade,
      url text not null check (length(url) between 8 and 2000),
      description text,
      secret text not null,
      events jsonb not null,
      active boolean not null default true,
      created_by_user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index webhook_subscriptions_tenant_idx on webhook_subscriptions (tenant_id);

    create table webhook_deliveries (
      id bigint generated always as identity primary key,
      subscription_id uuid not null references webhook_subscriptions(id) on delete cascade,
      -- the event's id: the same on every retry, so a receiver can drop duplicates
      event_id uuid not null,
      event_type text not null,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      locked_until timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz not null default now(),
      delivered_at timestamptz,
      unique (subscription_id, event_id)
    );
    create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending';
    create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, id desc);
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table webhook_deliveries, webhook_subscriptions, email_outbox, idempotency_keys, service_request_attachments;
    drop trigger service_request_notes_search on service_request_notes;
    drop trigger service_requests_search on service_requests;
    drop function service_request_note_search;
    drop function service_request_search_refresh;
    drop function tramite_words;
    alter table service_request_notes drop column visibility;
    alter table service_requests drop column assigned_to_user_id, drop column first_response_at,
      drop column sla_breached_at, drop column external_reference, drop column search_public, drop column search_internal`,
  )
}
