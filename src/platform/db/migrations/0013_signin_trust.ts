import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Sign-in you can trust (docs/security.md): second factors (TOTP, passkeys) and recovery codes,
 * sessions that may wait for the second step and that a person can list and revoke, single-use
 * password-reset links, and each tenant's own OpenID Connect identity provider (single sign-on)
 * with its domains, group mapping and the state of sign-ins under way. Secrets (TOTP seeds, the
 * provider's client secret) are stored sealed (AES-256-GCM, src/identity/sealing.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    -- "require MFA" is on by default for partner tenants created from now on; the demo world's
    -- tenants (and every tenant before this migration) keep what they had.
    alter table tenants alter column require_mfa drop default;
    create or replace function tenants_default_require_mfa() returns trigger language plpgsql as $$
    begin
      if new.require_mfa is null then new.require_mfa := (new.kind = 'partner'); end if;
      return new;
    end $$;
    create trigger tenants_default_require_mfa before insert on tenants
      for each row execute function tenants_default_require_mfa();
    alter table tenants add column jit_users boolean not null default false;

    -- A session is 'mfa' while it waits for the second factor: it authenticates nothing yet.
    alter table sessions add column stage text not null default 'complete' check (stage in ('mfa', 'complete'));
    alter table sessions add column mfa_failures integer not null default 0;
    alter table sessions add column webauthn_challenge text;
    alter table sessions add column user_agent text;
    alter table sessions add column ip_address text;
    alter table sessions add column last_seen_at timestamptz not null default now();
    -- a federated session remembers its provider and ID token, for the provider's end-session
    alter table sessions add column identity_provider_id uuid;
    alter table sessions add column id_token text;
    -- a public id for the session list (the cookie's id is never shown, even hashed)
    alter table sessions add column public_id uuid not null default gen_random_uuid();
    create unique index sessions_public_id_idx on sessions (public_id);

    create table mfa_factors (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null check (kind in ('totp', 'passkey')),
      label text not null,
      -- TOTP: the sealed seed; confirmed once a first code was right
      secret_sealed text,
      confirmed boolean not null default false,
      -- the last TOTP time step accepted: a code is good once
      last_step bigint,
      -- passkeys: the credential (base64url id, COSE public key), its counter and transports
      credential_id text unique,
      public_key text,
      sign_count bigint not null default 0,
      transports jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      check ((kind = 'totp' and secret_sealed is not null) or (kind = 'passkey' and credential_id is not null and public_key is not null))
    );
    create index mfa_factors_user_idx on mfa_factors (user_id);

    create table mfa_recovery_codes (
      user_id uuid not null references users(id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (user_id, code_hash)
    );

    create table password_resets (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index password_resets_user_idx on password_resets (user_id);

    create table identity_providers (
      id uuid primary key,
      tenant_id uuid not null unique references tenants(id) on delete cascade,
      issuer text not null,
      client_id text not null,
      client_secret_sealed text not null,
      -- the claim whose values name groups (e.g. 'groups'); null: no group mapping
      groups_claim text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- a domain belongs to one provider, in the whole installation
    create table identity_provider_domains (
      domain text primary key check (domain = lower(domain)),
      provider_id uuid not null references identity_providers(id) on delete cascade
    );
    create index identity_provider_domains_provider_idx on identity_provider_domains (provider_id);
    create table identity_provider_group_maps (
      provider_id uuid not null references identity_providers(id) on delete cascade,
      claim_value text not null,
      group_id uuid not null references security_groups(id) on delete cascade,
      primary key (provider_id, claim_value, group_id)
    );
    -- a sign-in sent to the provider: state (hashed), PKCE verifier, nonce and where to return; used once
    create table sso_requests (
      state_hash text primary key,
      provider_id uuid not null references identity_providers(id) on delete cascade,
      code_verifier text not null,
      nonce text not null,
      login_hint text,
      return_to text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop table sso_requests, identity_provider_group_maps, identity_provider_domains, identity_providers,
      password_resets, mfa_recovery_codes, mfa_factors;
    drop index sessions_public_id_idx;
    alter table sessions drop column stage, drop column mfa_failures, drop column webauthn_challenge,
      drop column user_agent, drop column ip_address, drop column last_seen_at,
      drop column identity_provider_id, drop column id_token, drop column public_id;
    alter table tenants drop column jit_users;
    drop trigger tenants_default_require_mfa on tenants;
    drop function tenants_default_require_mfa;
    alter table tenants alter column require_mfa set default false;
  `,
  )
}
