import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_foundation.ts'
import * as m0002 from './0002_service_requests.ts'
import * as m0003 from './0003_gdap_lifecycle.ts'
import * as m0004 from './0004_azure_support.ts'
import * as m0005 from './0005_service_health.ts'
import * as m0006 from './0006_support_desk.ts'
import * as m0007 from './0007_request_rules.ts'
import * as m0009 from './0009_directory.ts'
import * as m0010 from './0010_customers_commerce.ts'
import * as m0011 from './0011_authority.ts'
import * as m0012 from './0012_audit_chain.ts'
import * as m0014 from './0014_scale.ts'
import * as m0020 from './0020_daily_loop.ts'

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_service_requests': m0002,
  '0003_gdap_lifecycle': m0003,
  '0004_azure_support': m0004,
  '0005_service_health': m0005,
  '0006_support_desk': m0006,
  '0007_request_rules': m0007,
  '0009_directory': m0009,
  '0010_customers_commerce': m0010,
  '0011_authority': m0011,
  '0012_audit_chain': m0012,
  '0014_scale': m0014,
  '0020_daily_loop': m0020,
}
