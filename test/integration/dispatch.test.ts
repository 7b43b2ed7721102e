import { afterAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../main/dispatch'
import { CHANNELS } from '../../contract/channels'
import { tempContainer } from './helpers/tempContainer'

const container = tempContainer()
const dispatch = createDispatch(container, () => {})
afterAll(() => container.dispose())

const scenarioInput = {
  name: 'via dispatch',
  systems: ['dgx-a100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 16, outputTokens: 4 },
}

describe('dispatch', () => {
  it('parses input, calls the service and answers a DTO', async () => {
    const started = await dispatch(CHANNELS.runsStart, { scenario: scenarioInput, label: 'x' })
    expect(started).toMatchObject({
      ok: true,
      value: { status: 'queued', scenarioName: 'via dispatch', systems: ['dgx-a100'] },
    })
    const id = (started as { value: { id: number } }).value.id
    await container.runs.waitFor(id)
    const detail = await dispatch(CHANNELS.runsGet, { runId: id })
    expect(detail).toMatchObject({ ok: true, value: { id, status: 'finished', scenario: { name: 'via dispatch' } } })
    const list = await dispatch(CHANNELS.runsList, {})
    expect(list).toMatchObject({ ok: true, value: { runs: [{ id }], total: 1 } })
  })

  it.each([
    [
      CHANNELS.runsStart,
      { scenario: { ...scenarioInput, workload: { ...scenarioInput.workload, batch: -1 } } },
      /^scenario\.workload\.batch: Too small/,
    ],
    [CHANNELS.runsStart, { scenario: scenarioInput, label: 7 }, /^label: .*expected string/],
    [CHANNELS.runsGet, { runId: 'one' }, /^runId: .*expected number/],
    [CHANNELS.runsList, { limit: 5000 }, /^limit: Too big/],
    [CHANNELS.runsList, { extra: true }, /Unrecognized key: "extra"/],
    [
      CHANNELS.validationRun,
      { measurements: { format: 'memwall-measurements', version: 1, rows: [{ id: 'x' }] } },
      /^measurements\.rows\.0\.split: /,
    ],
  ])('%s rejects bad input naming the field', async (channel, input, message) => {
    const answer = await dispatch(channel, input)
    expect(answer.ok).toBe(false)
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input')
      expect(answer.error.message).toMatch(message)
    }
  })

  it('carries each issue with its path, so a client never splits the message to find the fields', async () => {
    const answer = await dispatch(CHANNELS.runsStart, {
      scenario: { ...scenarioInput, workload: { ...scenarioInput.workload, batch: 0 } },
      label: 'x'.repeat(201),
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    if (answer.ok) return
    expect(answer.error.issues).toEqual([
      { path: ['scenario', 'workload', 'batch'], message: expect.stringMatching(/>=1/) },
      { path: ['label'], message: expect.stringMatching(/<=200/) },
    ])
    expect(answer.error.message).toBe(answer.error.issues!.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  })

  it('answers not_found for a run that does not exist and unknown_channel for a made-up channel', async () => {
    expect(await dispatch(CHANNELS.runsGet, { runId: 99999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'run 99999 does not exist' },
    })
    expect(await dispatch('wb:fs.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('lists the presets with their parameter counts', async () => {
    const answer = await dispatch(CHANNELS.presetsList, undefined)
    if (!answer.ok) throw new Error(answer.error.message)
    const { models } = answer.value as { models: { id: string; parameters: number }[] }
    expect(models.find((m) => m.id === 'llama2-7b')?.parameters).toBe(6_738_415_616)
  })

  it('simulates the shipped measurements in a worker, or one stack of them', async () => {
    const answer = await dispatch(CHANNELS.validationRun, { stack: 'trtllm-2024' })
    expect(answer.ok).toBe(true)
    if (!answer.ok) return
    const report = answer.value as { measurements: string; rows: { stack: string; status: string }[] }
    expect(report.measurements).toBe('resources/validation/measurements.json')
    expect(report.rows).toHaveLength(18)
    expect(report.rows.every((row) => row.stack === 'trtllm-2024' && row.status === 'ok')).toBe(true)
  })
})
