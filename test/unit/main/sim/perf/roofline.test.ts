import { describe, expect, it } from 'vitest'
import { forwardOperators } from '../../../../../main/sim/models/operators'
import { llama2_7b } from '../../../../../main/sim/models/presets/llama2'
import { operationalIntensity, ridgePoint, rooflineTime, type Machine } from '../../../../../main/sim/perf/roofline'

// Achievable rates of each preset's 8 chips, efficiencies applied:
// SN40L node: 8 * 638e12 * 0.9 = 4.5936e15 FLOP/s; 8 * 1.8e12 * 0.85 = 12.24e12 B/s
// DGX H100:   8 * 989e12 * 0.7 = 5.5384e15 FLOP/s; 8 * 3.35e12 * 0.5 = 13.4e12 B/s
// DGX A100:   8 * 312e12 * 0.7 = 1.7472e15 FLOP/s; 8 * 2.039e12 * 0.5 = 8.156e12 B/s
const sn40l: Machine = { flopsPerSecond: 4.5936e15, bytesPerSecond: 12.24e12 }
const h100: Machine = { flopsPerSecond: 5.5384e15, bytesPerSecond: 13.4e12 }
const a100: Machine = { flopsPerSecond: 1.7472e15, bytesPerSecond: 8.156e12 }

const qkv = (batch: number, tokens: number) =>
  forwardOperators(llama2_7b, { batch, newTokens: tokens, pastTokens: 0, logitTokens: 1 }, 2).find(
    (op) => op.name === 'qkv_proj',
  )!

describe('rooflineTime', () => {
  it.each([
    // decode qkv: 100,663,296 FLOPs; 100,663,296 + 32,768 = 100,696,064 bytes
    // memory 100,696,064 / 12.24e12 = 8.22680e-6 s > compute 100,663,296 / 4.5936e15 = 2.19138e-8 s
    ['SN40L node, decode', sn40l, qkv(1, 1), 8.2268e-6, 'memory'],
    // memory 100,696,064 / 13.4e12 = 7.51463e-6 s
    ['DGX H100, decode', h100, qkv(1, 1), 7.51463e-6, 'memory'],
    // prefill of 512 tokens: 2 * 512 * 4096 * 12288 = 51,539,607,552 FLOPs;
    // bytes 100,663,296 + 512 * 16384 * 2 = 117,440,512; compute 51,539,607,552 / 1.7472e15 = 2.94984e-5 s
    // > memory 117,440,512 / 8.156e12 = 1.43993e-5 s
    ['DGX A100, 512-token prefill', a100, qkv(1, 512), 2.94984e-5, 'compute'],
  ] as const)('%s', (_label, machine, op, expectedSeconds, bound) => {
    const time = rooflineTime(op, machine)
    expect(time.seconds).toBeCloseTo(expectedSeconds, 10)
    expect(time.seconds).toBe(Math.max(time.computeSeconds, time.memorySeconds))
    expect(time.computeSeconds > time.memorySeconds ? 'compute' : 'memory').toBe(bound)
  })

  it('places the 512-token prefill above the A100 ridge and the decode step below it', () => {
    // ridge 1.7472e15 / 8.156e12 = 214.2 FLOP/byte; prefill 51,539,607,552 / 117,440,512 = 438.9; decode ~1
    expect(ridgePoint(a100)).toBeCloseTo(214.223, 2)
    expect(operationalIntensity(qkv(1, 512))).toBeCloseTo(438.857, 2)
    expect(operationalIntensity(qkv(1, 1))).toBeLessThan(1)
  })

  it('gives an operator that moves no bytes infinite intensity', () => {
    expect(
      operationalIntensity({
        name: 'x',
        kind: 'elementwise',
        repeat: 1,
        flops: 5,
        weightBytes: 0,
        inputBytes: 0,
        outputBytes: 0,
        kvBytes: 0,
        split: true,
        gpuKernel: 'x',
        eagerKernels: 1,
        savedBytes: 0,
        kvShards: 1,
        layerKernel: 'decoder_layer',
      }),
    ).toBe(Infinity)
  })
})
