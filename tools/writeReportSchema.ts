// Writes resources/report.schema.json: the JSON report's schema as JSON Schema, for other tools.
// Run after changing main/report/reportSchema.ts: `npx tsx tools/writeReportSchema.ts`
// (test/unit/main/report/reportSchema.test.ts fails while the file is out of date).
import { writeFileSync } from 'node:fs'
import { reportJsonSchemaDocument } from '../main/report/reportSchema'

const file = new URL('../resources/report.schema.json', import.meta.url)
writeFileSync(file, `${JSON.stringify(reportJsonSchemaDocument(), null, 2)}\n`)
console.log(`wrote ${file.pathname}`)
