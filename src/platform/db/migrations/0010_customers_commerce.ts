import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Partner Center's commerce model around customers: company and billing profiles of tenants, the
 * offer catalog (data), orders with their line items, and what a subscription carries from its
 * order (order id, term, billing cycle) and after it (the reseller who supports it, suspension).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    -- A tenant's company profile (address, company email, registration number) and its billing
    -- contact: a customer's Partner Center company and billing profiles, a partner's organization profile.
    create table if not exists tenant_profiles (
      tenant_id uuid primary key references tenants(id) on delete cascade,
      email text check (email is null or (length(email) <= 320 and email like '%_@_%')),
      phone text check (length(phone) <= 40),
      address_line1 text check (length(address_line1) <= 256),
      address_line2 text check (length(address_line2) <= 256),
      address_line3 text check (length(address_line3) <= 256),
      city text check (length(city) <= 128),
      state text check (length(state) <= 128),
      postal_code text check (length(postal_code) <= 32),
      organization_registration_number text check (length(organization_registration_number) <= 64),
      billing_first_name text check (length(billing_first_name) <= 128),
      billing_last_name text check (length(billing_last_name) <= 128),
      billing_email text check (billing_email is null or (length(billing_email) <= 320 and billing_email like '%_@_%')),
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );

    -- The partner's support web site, beside its support email and phone (Partner Center's support profile).
    alter table partners add column if not exists support_website text check (length(support_website) <= 2000);

    -- The offer catalog partners buy from (Partner Center offers): data, kept current at every start.
    create table if not exists offers (
      id text primary key check (length(id) between 1 and 128),
      workload_id text not null references workloads(id),
      name_en text not null,
      name_it text not null,
      description_en text not null,
      description_it text not null,
      product_id text not null,
      product_name text not null,
      billing text not null check (billing in ('license', 'usage')),
      is_trial boolean not null,
      -- a trial's paid offers (what it converts to)
      conversion_target_offer_ids jsonb not null default '[]'::jsonb,
      trial_days integer check (trial_days > 0),
      term_durations jsonb not null default '[]'::jsonb,
      billing_cycles jsonb not null,
      min_quantity integer not null default 1 check (min_quantity >= 1),
      max_quantity integer not null check (max_quantity >= min_quantity),
      -- ISO 3166 codes where the offer is sold; '*' for everywhere
      countries jsonb not null default '["*"]'::jsonb,
      sku_id uuid,
      sku_part_number text,
      service_plans jsonb not null default '[]'::jsonb,
      available boolean not null default true,
      sort_order integer not null
    );

    -- An order a partner placed for a customer; each line item became a subscription.
    create table if not exists orders (
      id text primary key,
      customer_tenant_id uuid not null references tenants(id) on delete cascade,
      partner_tenant_id uuid not null references partners(tenant_id),
      reseller_tenant_id uuid references partners(tenant_id),
      billing_cycle text not null check (billing_cycle in ('monthly', 'annual', 'none', 'one_time', 'triennial')),
      currency_code text not null check (currency_code ~ '^[A-Z]{3}$'),
      status text not null check (status in ('pending', 'completed', 'cancelled')),
      created_by_user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index if not exists orders_customer_idx on orders (customer_tenant_id, created_at desc);

    create table if not exists order_line_items (
      order_id text not null references orders(id) on delete cascade,
      line_item_number integer not null check (line_item_number >= 0),
      offer_id text not null,
      subscription_id uuid,
      friendly_name text not null,
      quantity integer not null check (quantity >= 1),
      term_duration text,
      primary key (order_id, line_item_number)
    );

    alter table subscriptions add column if not exists order_id text references orders(id);
    alter table subscriptions add column if not exists term_duration text check (term_duration in ('P1M', 'P1Y', 'P3Y'));
    alter table subscriptions add column if not exists billing_cycle text check (billing_cycle in ('monthly', 'annual', 'none', 'one_time', 'triennial'));
    -- the indirect reseller who supports the subscription when it is not its reseller of record
    alter table subscriptions add column if not exists support_contact_tenant_id uuid references partners(tenant_id);
    alter table subscriptions add column if not exists suspension_reasons jsonb not null default '[]'::jsonb;
    alter table subscriptions add column if not exists version integer not null default 1;
    alter table subscriptions add column if not exists modified_at timestamptz not null default now();
    create index if not exists subscriptions_order_idx on subscriptions (order_id);
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table subscriptions drop column if exists modified_at, drop column if exists version,
      drop column if exists suspension_reasons, drop column if exists support_contact_tenant_id,
      drop column if exists billing_cycle, drop column if exists term_duration, drop column if exists order_id;
    drop table if exists order_line_items, orders, offers, tenant_profiles;
    alter table partners drop column if exists support_website;
  `,
  )
}
