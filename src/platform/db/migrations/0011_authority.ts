import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Tramite as an OAuth 2.0 / OpenID Connect authority: app registrations per tenant (redirect
 * URIs, hashed client secrets, certificates, API permissions and their consent), and the
 * grants in flight (authorization codes, refresh tokens, device codes) — all in the database, so
 * any instance redeems what another issued. Sessions and audit events learn how the person
 * signed in (amr) and which application acted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table sessions add column if not exists amr jsonb not null default '["pwd"]'::jsonb;
    alter table audit_events add column if not exists application_id uuid;
    create index if not exists audit_events_application_idx on audit_events (application_id, id desc) where application_id is not null;

    -- id is the object id (the service principal's oid in app-only tokens); client_id the appId clients send
    create table if not exists app_registrations (
      id uuid primary key,
      client_id uuid not null unique,
      tenant_id uuid not null references tenants(id) on delete cascade,
      display_name text not null check (length(display_name) between 1 and 120),
      public_client boolean not null,
      redirect_uris jsonb not null default '[]'::jsonb,
      created_by_user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index if not exists app_registrations_tenant_idx on app_registrations (tenant_id, created_at);

    -- only the SHA-256 of a secret is kept; hint is its first three characters (shown, as Entra does)
    create table if not exists app_client_secrets (
      id uuid primary key,
      application_id uuid not null references app_registrations(id) on delete cascade,
      description text not null,
      hint text not null,
      secret_hash text not null unique,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index if not exists app_client_secrets_app_idx on app_client_secrets (application_id);

    create table if not exists app_certificates (
      id uuid primary key,
      application_id uuid not null references app_registrations(id) on delete cascade,
      description text not null,
      -- base64url SHA-1 and SHA-256 of the DER certificate (the x5t and x5t#S256 assertion headers)
      thumbprint_sha1 text not null,
      thumbprint_sha256 text not null,
      subject text not null,
      certificate_pem text not null,
      not_before timestamptz not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      unique (application_id, thumbprint_sha256)
    );

    -- the API permissions an app asks for; consented_at is the administrator's (tenant-wide) consent
    create table if not exists app_permissions (
      application_id uuid not null references app_registrations(id) on delete cascade,
      resource text not null,
      permission text not null,
      kind text not null check (kind in ('delegated', 'application')),
      consented_at timestamptz,
      consented_by_user_id uuid references users(id) on delete set null,
      primary key (application_id, resource, permission, kind)
    );

    -- a person's own consent to delegated permissions that need no administrator
    create table if not exists app_user_consents (
      application_id uuid not null references app_registrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      resource text not null,
      permission text not null,
      granted_at timestamptz not null default now(),
      primary key (application_id, user_id, resource, permission)
    );
    create index if not exists app_user_consents_user_idx on app_user_consents (user_id);

    -- single use: redeeming deletes the row
    create table if not exists oauth_authorization_codes (
      code_hash text primary key,
      application_id uuid not null references app_registrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      tenant_id uuid not null references tenants(id) on delete cascade,
      redirect_uri text not null,
      scope text not null,
      code_challenge text,
      code_challenge_method text,
      nonce text,
      amr jsonb not null,
      auth_time timestamptz not null,
      expires_at timestamptz not null
    );

    create table if not exists oauth_refresh_tokens (
      token_hash text primary key,
      application_id uuid not null references app_registrations(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      amr jsonb not null,
      auth_time timestamptz not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index if not exists oauth_refresh_tokens_user_idx on oauth_refresh_tokens (user_id);
    create index if not exists oauth_refresh_tokens_expires_idx on oauth_refresh_tokens (expires_at);

    create table if not exists oauth_device_codes (
      device_code_hash text primary key,
      user_code text not null unique,
      application_id uuid not null references app_registrations(id) on delete cascade,
      -- the tenant segment the device code was asked at: a tenant id, or null for organizations/common
      tenant_id uuid references tenants(id) on delete cascade,
      scope text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
      user_id uuid references users(id) on delete cascade,
      amr jsonb,
      auth_time timestamptz,
      interval_seconds integer not null,
      last_polled_at timestamptz,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table oauth_device_codes, oauth_refresh_tokens, oauth_authorization_codes, app_user_consents,
      app_permissions, app_certificates, app_client_secrets, app_registrations;
    drop index audit_events_application_idx;
    alter table audit_events drop column application_id;
    alter table sessions drop column amr`,
  )
}
