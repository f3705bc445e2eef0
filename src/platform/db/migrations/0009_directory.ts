import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The directory opens: tenants that can be suspended (and a require-MFA policy, shared with the
 * sign-in work), partner roles as membership of the partner's AdminAgents / HelpdeskAgents /
 * SalesAgents groups (as Partner Center makes them), single-use invitations that let a person
 * set their password, and entitlements that are removed without losing the requests filed under them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table tenants add column if not exists status text not null default 'active' check (status in ('active', 'suspended'));
    alter table tenants add column if not exists suspended_at timestamptz;
    alter table tenants add column if not exists require_mfa boolean not null default false;

    -- Which partner role membership of this group confers (null: none). One group per role and tenant.
    alter table security_groups add column if not exists partner_role text check (partner_role in ('admin_agent', 'helpdesk_agent', 'sales_agent'));
    alter table security_groups add column if not exists mail_nickname text;
    create unique index if not exists security_groups_partner_role_idx on security_groups (tenant_id, partner_role) where partner_role is not null;

    alter table users add column if not exists job_title text;

    -- Single-use links that let a person set their password: an invitation, or the first
    -- administrator's set-password link. Only the SHA-256 of the secret is kept.
    create table if not exists user_invitations (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      token_hash text not null unique,
      created_by_user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    );
    create index if not exists user_invitations_user_idx on user_invitations (user_id, created_at desc);

    -- A removed entitlement stays for the requests filed under it; the policy no longer offers it.
    alter table support_entitlements add column if not exists removed_at timestamptz;

    alter table marketplace_products add column if not exists created_at timestamptz not null default now();

    -- The role group of a partner tenant: the one marked with the role, else one named as the demo
    -- world or Partner Center names it (then marked), else a new one with Partner Center's name.
    create or replace function partner_role_group(p_tenant uuid, p_role text) returns uuid language plpgsql as $$
    declare
      gid uuid;
      spaced text := case p_role when 'admin_agent' then 'Admin Agents' when 'helpdesk_agent' then 'Helpdesk Agents' else 'Sales Agents' end;
      joined text := replace(spaced, ' ', '');
    begin
      select id into gid from security_groups where tenant_id = p_tenant and partner_role = p_role;
      if gid is not null then return gid; end if;
      select id into gid from security_groups where tenant_id = p_tenant and display_name in (spaced, joined) order by display_name limit 1;
      if gid is not null then
        update security_groups set partner_role = p_role where id = gid;
        return gid;
      end if;
      -- a tenant whose admin group is spaced (the demo world) gets spaced names for the others too
      if exists (select 1 from security_groups where tenant_id = p_tenant and display_name = 'Admin Agents') then
        joined := spaced;
      end if;
      gid := gen_random_uuid();
      insert into security_groups (id, tenant_id, display_name, description, partner_role)
        values (gid, p_tenant, joined, 'Members hold the partner role ' || p_role || '.', p_role);
      return gid;
    end $$;

    -- Agent roles live in group membership only. A row written the old way (admin_agent in
    -- user_roles) becomes a membership of the role group, unless the user already is a member
    -- (directly or through nesting); the row itself is not stored.
    create or replace function user_roles_agent_to_group() returns trigger language plpgsql as $$
    declare
      tid uuid;
      gid uuid;
    begin
      if new.role not in ('admin_agent', 'helpdesk_agent', 'sales_agent') then return new; end if;
      select u.tenant_id into tid from users u join tenants t on t.id = u.tenant_id and t.kind = 'partner' where u.id = new.user_id;
      if tid is null then
        raise exception 'the role % belongs to partner users only', new.role using errcode = '23514';
      end if;
      gid := partner_role_group(tid, new.role);
      if not exists (
        with recursive ug(group_id) as (
          select m.group_id from group_user_members m where m.user_id = new.user_id
          union
          select gg.group_id from group_group_members gg join ug on gg.member_group_id = ug.group_id
        )
        select 1 from ug where ug.group_id = gid
      ) then
        insert into group_user_members (group_id, user_id) values (gid, new.user_id) on conflict do nothing;
      end if;
      return null;
    end $$;
    create trigger user_roles_agent_to_group before insert on user_roles
      for each row execute function user_roles_agent_to_group();

    -- Every partner tenant has its three role groups.
    select partner_role_group(p.tenant_id, r.role) from partners p
      cross join (values ('admin_agent'), ('helpdesk_agent'), ('sales_agent')) as r(role);

    -- Move the agent roles stored so far into group membership (through the trigger).
    with moved as (
      delete from user_roles where role in ('admin_agent', 'helpdesk_agent', 'sales_agent') returning user_id, role
    )
    insert into user_roles (user_id, role)
      select m.user_id, m.role from moved m
      join users u on u.id = m.user_id join tenants t on t.id = u.tenant_id and t.kind = 'partner';
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop trigger user_roles_agent_to_group on user_roles;
    insert into user_roles (user_id, role)
      select distinct x.user_id, x.role from (
        with recursive closure(user_id, group_id) as (
          select user_id, group_id from group_user_members
          union
          select c.user_id, gg.group_id from closure c join group_group_members gg on gg.member_group_id = c.group_id
        )
        select c.user_id, g.partner_role as role from closure c join security_groups g on g.id = c.group_id
        where g.partner_role is not null
      ) x
      on conflict do nothing;
    drop function user_roles_agent_to_group;
    drop function partner_role_group;
    drop table user_invitations;
    drop index security_groups_partner_role_idx;
    alter table security_groups drop column partner_role, drop column mail_nickname;
    alter table users drop column job_title;
    alter table support_entitlements drop column removed_at;
    alter table marketplace_products drop column created_at;
    alter table tenants drop column status, drop column suspended_at, drop column require_mfa
  `,
  )
}
