import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SIMULATOR_VERSION } from '../../../main/sim/version'

// docs/MODEL.md describes one version of the model: it must say which, and say the current one.
const modelDoc = readFileSync(new URL('../../../docs/MODEL.md', import.meta.url), 'utf8')

describe('docs/MODEL.md', () => {
  it('states the current simulator version, and no other', () => {
    const stated = [...modelDoc.matchAll(/simulator (\d+\.\d+\.\d+)/g)].map((match) => match[1])
    expect(modelDoc.split('\n')[0]).toBe(`# The performance model (simulator ${SIMULATOR_VERSION})`)
    expect(new Set(stated)).toEqual(new Set([SIMULATOR_VERSION]))
  })
})
