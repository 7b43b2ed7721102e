import { afterAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { CHANNELS } from '../../contract/channels'
import { scenario, tempContainer } from './helpers/tempContainer'

const container = tempContainer()
const dispatch = createDispatch(container, () => {})
afterAll(() => container.dispose())

const workload = { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 } as const

describe('the saved-scenario library', () => {
  it('saves, lists newest first, and refuses the same configuration under the same name', () => {
    const a = container.scenarios.save(scenario('alpha'))
    const b = container.scenarios.save(scenario('beta'))
    expect(container.scenarios.list(10).map((s) => s.name)).toEqual(['beta', 'alpha'])
    expect(a.updatedAt).toBe(a.createdAt)
    expect(() => container.scenarios.save(scenario('alpha'))).toThrow(/"alpha" with this configuration already exists/)
    // a different configuration may share the name
    const wider = container.scenarios.save(scenario('alpha', { systems: ['dgx-a100'], workload }))
    expect(wider.id).not.toBe(a.id)
    expect(b.scenario.name).toBe('beta')
  })

  it('stores an edit as a new row and retires the old one, which its runs keep', async () => {
    const saved = container.scenarios.save(scenario('gamma'))
    const run = container.runs.start({ scenario: saved.scenario })
    await container.runs.waitFor(run.id)
    const edited = container.scenarios.save(scenario('gamma', { workload: { ...workload, batch: 8 } }), saved.id)
    expect(edited.id).not.toBe(saved.id)
    expect(edited.scenario.workload.batch).toBe(8)
    const names = container.scenarios.list(50).map((s) => [s.id, s.name])
    expect(names).toContainEqual([edited.id, 'gamma'])
    expect(names).not.toContainEqual([saved.id, 'gamma'])
    // the run still holds the configuration it ran
    expect(container.runs.get(run.id).scenario.workload.batch).toBe(1)
  })

  it('renames in place when only the name changes (a new row, the old retired)', () => {
    const saved = container.scenarios.save(scenario('delta'))
    const renamed = container.scenarios.save({ ...saved.scenario, name: 'delta prime' }, saved.id)
    expect(renamed.name).toBe('delta prime')
    expect(renamed.hash).toBe(saved.hash) // the hash leaves out the name
    expect(container.scenarios.list(50).map((s) => s.name)).not.toContain('delta')
  })

  it('deletes, and a later save of the same scenario brings the row back', () => {
    const saved = container.scenarios.save(scenario('epsilon'))
    expect(container.scenarios.delete(saved.id)).toEqual({ id: saved.id })
    expect(container.scenarios.list(50).map((s) => s.id)).not.toContain(saved.id)
    expect(() => container.scenarios.delete(saved.id)).toThrow(/does not exist/)
    expect(container.scenarios.save(scenario('epsilon')).id).toBe(saved.id)
  })

  it('answers through dispatch: not_found for an unknown id, conflict for a clash, invalid_input naming the field', async () => {
    expect(await dispatch(CHANNELS.scenariosDelete, { id: 99_999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const input = { name: 'zeta', systems: ['dgx-a100'], workload }
    expect(await dispatch(CHANNELS.scenariosSave, { scenario: input })).toMatchObject({ ok: true })
    expect(await dispatch(CHANNELS.scenariosSave, { scenario: input })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    const bad = await dispatch(CHANNELS.scenariosSave, { scenario: { ...input, workload: { ...workload, batch: 0 } } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((bad as { error: { message: string } }).error.message).toMatch(/^scenario\.workload\.batch: Too small/)
    expect(await dispatch(CHANNELS.scenariosSave, { id: 99_999, scenario: input })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})

describe('the paper check through dispatch', () => {
  it('answers the reproduction under either host-link model', async () => {
    const paper = (await dispatch(CHANNELS.paperReport, {})) as { ok: true; value: { monarch: { fullyFused: number } } }
    expect(paper.ok).toBe(true)
    expect(paper.value.monarch.fullyFused).toBeCloseTo(410.4, 9)
    const perGpu = await dispatch(CHANNELS.paperReport, { hostLinkModel: 'perGpuLinks' })
    expect(perGpu).toMatchObject({ ok: true })
    expect(JSON.stringify(perGpu)).not.toBe(JSON.stringify(paper))
    expect(await dispatch(CHANNELS.paperReport, { hostLinkModel: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })
})
