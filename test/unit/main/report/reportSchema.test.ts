import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { reportJsonSchemaDocument } from '../../../../main/report/reportSchema'
import { APP_VERSION } from '../../../../main/appVersion'

describe('the shipped report schema', () => {
  it('is resources/report.schema.json exactly (run tools/writeReportSchema.ts after a change)', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../../../resources/report.schema.json', import.meta.url), 'utf8'),
    )
    expect(shipped).toEqual(reportJsonSchemaDocument())
  })

  it('carries the app version package.json gives', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(APP_VERSION).toBe(pkg.version)
  })
})
