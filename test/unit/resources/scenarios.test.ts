import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ScenarioSchema } from '../../../main/sim/scenario/schema'
import { simulate } from '../../../main/sim/simulate'

const folder = fileURLToPath(new URL('../../../resources/scenarios/', import.meta.url))
const files = readdirSync(folder).filter((name) => name.endsWith('.json'))

describe('shipped example scenarios', () => {
  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(3)
  })

  it.each(files)('%s is valid and runs on every system it names', (file) => {
    const scenario = ScenarioSchema.parse(JSON.parse(readFileSync(folder + file, 'utf8')))
    const result = simulate(scenario)
    expect(result.systems.map((s) => s.systemId)).toEqual(scenario.systems)
    for (const system of result.systems) expect(system.status).toBe('ok')
  })
})
