import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_foundation.ts'
import * as m0002 from './0002_service_requests.ts'
import * as m0003 from './0003_gdap_lifecycle.ts'
import * as m0004 from './0004_azure_support.ts'
import * as m0005 from './0005_service_health.ts'
import * as m0006 from './0006_support_desk.ts'
import * as m0007 from './0007_request_rules.ts'
import * as m0008 from './0008_arm_tenant_scope.ts'
import * as m0009 from './0009_directory.ts'
import * as m0010 from './0010_customers_commerce.ts'
import * as m0011 from './0011_authority.ts'
import * as m0012 from './0012_audit_chain.ts'
import * as m0013 from './0013_signin_trust.ts'
import * as m0014 from './0014_scale.ts'
import * as m0015 from './0015_request_parties.ts'
import * as m0016 from './0016_directory_admin.ts'
import * as m0017 from './0017_customer_onboarding.ts'
import * as m0020 from './0020_daily_loop.ts'
import * as m0023 from './0023_request_timeline.ts'
import * as m0024 from './0024_timeline_backfill.ts'
import * as m0025 from './0025_saved_views.ts'
import * as m0026 from './0026_tenant_status_index.ts'
import * as m0029 from './0029_auth_changes.ts'
import * as m0033 from './0033_gdap_grant_changes.ts'

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_service_requests': m0002,
  '0003_gdap_lifecycle': m0003,
  '0004_azure_support': m0004,
  '0005_service_health': m0005,
  '0006_support_desk': m0006,
  '0007_request_rules': m0007,
  '0008_arm_tenant_scope': m0008,
  '0009_directory': m0009,
  '0010_customers_commerce': m0010,
  '0011_authority': m0011,
  '0012_audit_chain': m0012,
  '0013_signin_trust': m0013,
  '0014_scale': m0014,
  '0015_request_parties': m0015,
  '0016_directory_admin': m0016,
  '0017_customer_onboarding': m0017,
  '0020_daily_loop': m0020,
  '0023_request_timeline': m0023,
  '0024_timeline_backfill': m0024,
  '0025_saved_views': m0025,
  '0026_tenant_status_index': m0026,
  '0029_auth_changes': m0029,
  '0033_gdap_grant_changes': m0033,
}
