import { describe, expect, it } from 'vitest'
import { SYSTEM_PRESETS } from '../../../../main/sim/hardware/presets/index'
import { overrideDefault } from '../../../../renderer/src/viewModels/scenarioAssumptions'

const dgx = SYSTEM_PRESETS['dgx-h100']

describe('overrideDefault', () => {
  it("reads a preset's figure with its source", () => {
    expect(overrideDefault(dgx, 'collectiveLatency', 'paper')).toEqual(dgx.interconnect.collectiveLatency)
    expect(overrideDefault(dgx, 'chips', 'paper')).toEqual(dgx.chipCount)
  })

  it('gives the copy rate the host-link model gives: the node’s, or each chip’s path times the uplinks used', () => {
    expect(overrideDefault(dgx, 'copyBandwidth', 'paper')?.value).toBe(dgx.capacityTier.copyBandwidth.value)
    // 4 GPUs, two behind each PCIe switch uplink: 2 uplinks
    expect(overrideDefault(dgx, 'copyBandwidth', 'perGpuLinks', 4)?.value).toBe(
      dgx.capacityTier.perChipCopyBandwidth.value * 2,
    )
  })

  it('reads the software figures of the stack the form chose, and nothing for a stack the chip cannot run', () => {
    // TensorRT-LLM 2024 on H100 samples on the GPU: no host cost per sequence; NeMo 2023 has 175 µs.
    expect(overrideDefault(dgx, 'sequenceStepOverhead', 'paper')?.value).toBeCloseTo(1.748e-4, 9)
    expect(overrideDefault(dgx, 'sequenceStepOverhead', 'paper', 8, 'trtllm-2024')?.value).toBe(0)
    expect(overrideDefault(dgx, 'memoryEfficiency', 'paper', 8, 'sambaflow-2024')).toBeUndefined()
  })

  it('answers undefined for a custom system still missing the field', () => {
    const typed = { id: 'mine', chipCount: { value: 2, source: 'me' } } as never
    expect(overrideDefault(typed, 'memoryEfficiency', 'paper')).toBeUndefined()
    expect(overrideDefault(typed, 'copyBandwidth', 'perGpuLinks')).toBeUndefined()
  })
})
