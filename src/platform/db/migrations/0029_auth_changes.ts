import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Every instance keeps authenticated sessions in memory for a short while (identity/auth-cache.ts).
 * A change to anything authenticating a cookie reads — the session (ended, or its stage or
 * anti-forgery token changed), the user (disabled, deleted, password or details changed), the
 * user's tenant (suspended, renamed, MFA policy), partner type, roles or role groups — sends
 * NOTIFY tramite_auth when it commits, whoever makes it (this server, another instance, the CLI, a
 * script), and each instance drops what it kept. Row triggers: a statement that changes no row
 * (the expired-session sweep at sign-in, mostly) sends nothing; NOTIFY sends one per transaction.
 * `last_seen_at` and the sign-in's bookkeeping columns are left out: they change no answer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create function tramite_auth_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tramite_auth', '');
      return null;
    end $$;

    create trigger sessions_auth_changed
      after delete or update of id_hash, user_id, csrf_token, expires_at, amr, stage on sessions
      for each row execute function tramite_auth_changed();
    create trigger users_auth_changed
      after delete or update of id, tenant_id, email, display_name, given_name, surname, phone, locale,
        password_hash, disabled, deleted_at on users
      for each row execute function tramite_auth_changed();
    create trigger tenants_auth_changed
      after delete or update of id, kind, display_name, locale, status, require_mfa on tenants
      for each row execute function tramite_auth_changed();
    create trigger partners_auth_changed
      after insert or delete or update of tenant_id, partner_type on partners
      for each row execute function tramite_auth_changed();
    create trigger user_roles_auth_changed
      after insert or delete or update on user_roles
      for each row execute function tramite_auth_changed();
    create trigger security_groups_auth_changed
      after insert or delete or update of id, tenant_id, partner_role on security_groups
      for each row execute function tramite_auth_changed();
    create trigger group_user_members_auth_changed
      after insert or delete or update on group_user_members
      for each row execute function tramite_auth_changed();
    create trigger group_group_members_auth_changed
      after insert or delete or update on group_group_members
      for each row execute function tramite_auth_changed();
    -- truncate fires no row trigger (tests and resets empty tables this way)
    create trigger sessions_auth_truncated after truncate on sessions
      for each statement execute function tramite_auth_changed();
    create trigger users_auth_truncated after truncate on users
      for each statement execute function tramite_auth_changed();
    create trigger user_roles_auth_truncated after truncate on user_roles
      for each statement execute function tramite_auth_changed();
    create trigger group_user_members_auth_truncated after truncate on group_user_members
      for each statement execute function tramite_auth_changed();
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop trigger sessions_auth_changed on sessions;
    drop trigger users_auth_changed on users;
    drop trigger tenants_auth_changed on tenants;
    drop trigger partners_auth_changed on partners;
    drop trigger user_roles_auth_changed on user_roles;
    drop trigger security_groups_auth_changed on security_groups;
    drop trigger group_user_members_auth_changed on group_user_members;
    drop trigger group_group_members_auth_changed on group_group_members;
    drop trigger sessions_auth_truncated on sessions;
    drop trigger users_auth_truncated on users;
    drop trigger user_roles_auth_truncated on user_roles;
    drop trigger group_user_members_auth_truncated on group_user_members;
    drop function tramite_auth_changed();
  `,
  )
}
