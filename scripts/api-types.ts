// `npm run api:types` writes web/src/shared/api/openapi.gen.ts from the server's OpenAPI document;
// `npm run api:types -- --check` (part of `npm run lint`) exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { API_TYPES_FILE, checkApiTypes, generateApiTypes } from './api-types/generate.ts'

const fresh = await generateApiTypes()
const file = relative(process.cwd(), API_TYPES_FILE)
let committed: string | null = null
try {
  committed = readFileSync(API_TYPES_FILE, 'utf8')
} catch {
  committed = null
}

const verdict = checkApiTypes(committed, fresh, file)
if (process.argv.includes('--check')) {
  if (verdict.ok) console.log(verdict.message)
  else {
    console.error(verdict.message)
    process.exitCode = 1
  }
} else if (verdict.ok) {
  console.log(`api:types: ${file} is up to date`)
} else {
  writeFileSync(API_TYPES_FILE, fresh)
  console.log(`api:types: wrote ${file}`)
}
