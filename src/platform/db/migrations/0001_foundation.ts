import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The foundation schema: tenants and partners, identity, groups, customers and subscriptions,
 * GDAP relationships and assignments (status and dates as data), catalogs and entitlements.
 * Written as SQL so that both engines (PGlite and PostgreSQL) run exactly the same DDL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table tenants (
      id uuid primary key,
      kind text not null check (kind in ('partner', 'customer', 'vendor')),
      display_name text not null check (length(display_name) between 1 and 256),
      default_domain text not null unique,
      locale text not null,
      country text not null check (country ~ '^[A-Z]{2}$'),
      created_at timestamptz not null default now()
    );

    create table partners (
      tenant_id uuid primary key references tenants(id) on delete cascade,
      partner_type text not null check (partner_type in ('direct', 'indirect_provider', 'indirect_reseller', 'advisor')),
      mpn_id text not null unique,
      support_email text,
      support_phone text
    );

    -- An indirect reseller sells through one or more indirect providers.
    create table partner_provider_links (
      reseller_tenant_id uuid not null references partners(tenant_id) on delete cascade,
      provider_tenant_id uuid not null references partners(tenant_id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (reseller_tenant_id, provider_tenant_id),
      check (reseller_tenant_id <> provider_tenant_id)
    );

    create table users (
      id uuid primary key,
      tenant_id uuid not null references tenants(id) on delete cascade,
      email text not null unique check (email = lower(email) and email like '%_@_%'),
      display_name text not null,
      given_name text,
      surname text,
      phone text,
      locale text,
      password_hash text,
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    );
    create index users_tenant_idx on users (tenant_id);

    -- Partner Center roles (admin agent, helpdesk agent, ...), customer directory admin, vendor engineer.
    create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in (
        'admin_agent', 'helpdesk_agent', 'sales_agent', 'global_admin', 'billing_admin', 'support_engineer')),
      primary key (user_id, role)
    );

    create table security_groups (
      id uuid primary key,
      tenant_id uuid not null references tenants(id) on delete cascade,
      display_name text not null,
      description text,
      created_at timestamptz not null default now(),
      unique (tenant_id, display_name)
    );

    create table group_user_members (
      group_id uuid not null references security_groups(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (group_id, user_id)
    );
    create index group_user_members_user_idx on group_user_members (user_id);

    -- member_group_id is nested inside group_id: members of the inner group are members of the outer.
    create table group_group_members (
      group_id uuid not null references security_groups(id) on delete cascade,
      member_group_id uuid not null references security_groups(id) on delete cascade,
      primary key (group_id, member_group_id),
      check (group_id <> member_group_id)
    );
    create index group_group_members_member_idx on group_group_members (member_group_id);

    -- A partner's relationship to a customer: reseller (with an indirect provider when the
    -- reseller is indirect) or advisor.
    create table customer_relationships (
      customer_tenant_id uuid not null references tenants(id) on delete cascade,
      partner_tenant_id uuid not null references partners(tenant_id) on delete cascade,
      relationship text not null check (relationship in ('reseller', 'advisor')),
      indirect_provider_tenant_id uuid references partners(tenant_id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (customer_tenant_id, partner_tenant_id)
    );
    create index customer_relationships_partner_idx on customer_relationships (partner_tenant_id);
    create index customer_relationships_provider_idx on customer_relationships (indirect_provider_tenant_id);

    create table workloads (
      id text primary key check (id ~ '^[a-z0-9]+$'),
      name_en text not null,
      name_it text not null,
      portal text not null check (portal in ('azure', 'm365', 'marketplace')),
      vendor_supported boolean not null,
      sort_order integer not null
    );

    create table marketplace_products (
      id uuid primary key,
      name text not null unique,
      isv_name text not null,
      description text,
      support_url text,
      support_email text,
      support_phone text
    );

    create table subscriptions (
      id uuid primary key,
      tenant_id uuid not null references tenants(id) on delete cascade,
      workload_id text not null references workloads(id),
      offer_id text not null,
      offer_name text not null,
      friendly_name text not null,
      channel text not null check (channel in ('csp', 'direct')),
      billing text not null check (billing in ('trial', 'paid')),
      provider_tenant_id uuid references partners(tenant_id),
      reseller_tenant_id uuid references partners(tenant_id),
      marketplace_product_id uuid references marketplace_products(id),
      status text not null check (status in ('active', 'suspended', 'deleted')),
      quantity integer not null default 1 check (quantity >= 0),
      created_at timestamptz not null default now(),
      commitment_end_date date,
      check (channel = 'direct' or provider_tenant_id is not null),
      check ((workload_id = 'marketplace') = (marketplace_product_id is not null))
    );
    create index subscriptions_tenant_idx on subscriptions (tenant_id);

    -- Azure RBAC on a subscription; principals may belong to another tenant (a CSP's Admin Agents group).
    create table azure_role_assignments (
      id uuid primary key,
      subscription_id uuid not null references subscriptions(id) on delete cascade,
      principal_kind text not null check (principal_kind in ('user', 'group')),
      principal_id uuid not null,
      role_name text not null check (role_name in ('Owner', 'Contributor', 'Reader', 'Support Request Contributor')),
      created_at timestamptz not null default now(),
      unique (subscription_id, principal_kind, principal_id, role_name)
    );
    create index azure_role_assignments_principal_idx on azure_role_assignments (principal_id);

    -- Microsoft Entra built-in role templates that GDAP can grant.
    create table directory_roles (
      id uuid primary key,
      display_name text not null unique,
      description_en text not null,
      description_it text not null,
      -- which support-ticket permissions the role carries (microsoft.office365.supportTickets, Azure support)
      files_m365_tickets boolean not null,
      files_azure_tickets boolean not null,
      reads_service_health boolean not null,
      is_privileged boolean not null
    );

    create table gdap_relationships (
      id text primary key,
      display_name text not null check (length(display_name) between 1 and 50),
      partner_tenant_id uuid not null references partners(tenant_id) on delete cascade,
      customer_tenant_id uuid not null references tenants(id) on delete cascade,
      status text not null check (status in (
        'created', 'approvalPending', 'approved', 'activating', 'active', 'expiring',
        'terminationRequested', 'terminating', 'terminated', 'expired')),
      duration text not null,
      auto_extend_duration text not null default 'PT0S',
      created_at timestamptz not null default now(),
      last_modified_at timestamptz not null default now(),
      activated_at timestamptz,
      end_at timestamptz,
      version integer not null default 1
    );
    create index gdap_relationships_partner_idx on gdap_relationships (partner_tenant_id, status);
    create index gdap_relationships_customer_idx on gdap_relationships (customer_tenant_id, status);

    create table gdap_relationship_roles (
      relationship_id text not null references gdap_relationships(id) on delete cascade,
      role_id uuid not null references directory_roles(id),
      primary key (relationship_id, role_id)
    );

    create table gdap_access_assignments (
      id text primary key,
      relationship_id text not null references gdap_relationships(id) on delete cascade,
      security_group_id uuid not null references security_groups(id) on delete cascade,
      status text not null check (status in ('pending', 'active', 'deleting', 'deleted', 'error')),
      created_at timestamptz not null default now(),
      last_modified_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index gdap_access_assignments_rel_idx on gdap_access_assignments (relationship_id);
    create index gdap_access_assignments_group_idx on gdap_access_assignments (security_group_id);

    create table gdap_assignment_roles (
      assignment_id text not null references gdap_access_assignments(id) on delete cascade,
      role_id uuid not null references directory_roles(id),
      primary key (assignment_id, role_id)
    );

    -- A partner's own support entitlements (R13): program agreement id, Premier contract, Azure support plan.
    create table support_entitlements (
      id uuid primary key,
      partner_tenant_id uuid not null references partners(tenant_id) on delete cascade,
      kind text not null check (kind in ('partner_agreement', 'premier', 'azure_support_plan')),
      reference text not null,
      description text not null,
      valid_until date,
      created_at timestamptz not null default now(),
      unique (partner_tenant_id, kind, reference)
    );

    create table signing_keys (
      kid text primary key,
      alg text not null,
      private_jwk jsonb not null,
      public_jwk jsonb not null,
      created_at timestamptz not null default now()
    );

    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_idx on sessions (user_id);
    create index sessions_expires_idx on sessions (expires_at);

    create table rate_limits (
      key text primary key,
      hits integer not null,
      reset_at timestamptz not null
    );

    create table app_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table app_meta, rate_limits, sessions, signing_keys, support_entitlements,
      gdap_assignment_roles, gdap_access_assignments, gdap_relationship_roles, gdap_relationships,
      directory_roles, azure_role_assignments, subscriptions, marketplace_products, workloads,
      customer_relationships, group_group_members, group_user_members, security_groups, user_roles,
      users, partner_provider_links, partners, tenants cascade`,
  )
}
