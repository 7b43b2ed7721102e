import { describe, expect, it, vi } from 'vitest'
import type { WorkbenchBridge } from '../../../../contract/api'
import { WorkbenchError } from '../../../../contract/channels'
import { apiFromBridge } from '../../../../renderer/src/api/bridgeClient'

describe('apiFromBridge', () => {
  it('unwraps envelopes and rethrows failures as WorkbenchError with their code', async () => {
    const unsubscribe = vi.fn()
    const bridge = {
      runsList: vi.fn(async () => ({ ok: true, value: [] })),
      runsGet: vi.fn(async () => ({ ok: false, error: { code: 'not_found', message: 'run 4 does not exist' } })),
      onRunUpdated: vi.fn(() => unsubscribe),
    } as unknown as WorkbenchBridge
    const api = apiFromBridge(bridge)

    await expect(api.runsList({})).resolves.toEqual([])
    expect(bridge.runsList).toHaveBeenCalledWith({})
    const failure = api.runsGet({ runId: 4 })
    await expect(failure).rejects.toBeInstanceOf(WorkbenchError)
    await expect(api.runsGet({ runId: 4 })).rejects.toMatchObject({
      code: 'not_found',
      message: 'run 4 does not exist',
    })

    const listener = vi.fn()
    expect(api.onRunUpdated(listener)).toBe(unsubscribe)
    expect(bridge.onRunUpdated).toHaveBeenCalledWith(listener)
  })
})
