/** Every demo user's password in tests (the demo world is seeded with it). */
export const TEST_PASSWORD = 'tramite-test-password'
export const TEMPLATE_DUMP_KEY = 'pgliteTemplatePath'
export const TEMPLATE_DB_KEY = 'postgresTemplateDb'
