import type { ResolvedSystem } from '../assumptions'
import type { Operator } from '../models/operators'
import type { OperatorTiming, PhaseTiming } from '../result'
import { addBreakdown, emptyBreakdown, passTime, totalSeconds, type PassCollectives } from './passTime'
import { opBytesPerChip } from './kernels'

type Tally = Omit<OperatorTiming, 'boundBy'>

/**
 * Sums the passes of one phase (a prefill, all decode steps, a training step): their time by
 * category and kernel calls, and each operator's roofline on one chip, for the roofline chart.
 * Hot path: a decode phase adds thousands of passes, so tallies are plain arrays indexed by the
 * operator's position (a model's passes list the same operators in the same order).
 */
export class PhaseAccumulator {
  private readonly tallies: Tally[] = []
  private readonly breakdown = emptyBreakdown()
  private kernelCalls = 0
  private readonly flopsPerSecond: number
  private readonly attentionFlopsPerSecond: number
  private readonly bytesPerSecond: number

  constructor(private readonly system: ResolvedSystem) {
    const { chip } = system.spec
    this.flopsPerSecond = system.peakFlops * system.computeEfficiency
    this.attentionFlopsPerSecond = system.peakFlops * system.attentionEfficiency
    this.bytesPerSecond = chip.hbmBandwidth.value * system.memoryEfficiency
  }

  add(operators: readonly Operator[], collectives: PassCollectives, sequences: number): void {
    const pass = passTime(operators, collectives, sequences, this.system)
    addBreakdown(this.breakdown, pass.breakdown)
    this.kernelCalls += pass.kernelCalls
    for (let i = 0; i < operators.length; i++) this.tally(i, operators[i]!)
  }

  /** The phase's time so far, without assembling the full result. */
  seconds(): number {
    return totalSeconds(this.breakdown)
  }

  result(): PhaseTiming {
    const operators: OperatorTiming[] = []
    let flops = 0
    let bytes = 0
    for (const t of this.tallies) {
      const boundBy = t.computeSeconds >= t.memorySeconds ? 'compute' : 'memory'
      operators.push({
        name: t.name,
        kind: t.kind,
        seconds: t.seconds,
        computeSeconds: t.computeSeconds,
        memorySeconds: t.memorySeconds,
        flops: t.flops,
        bytes: t.bytes,
        boundBy,
      })
      flops += t.flops
      bytes += t.bytes
    }
    const breakdown = addBreakdown(emptyBreakdown(), this.breakdown)
    return { seconds: totalSeconds(breakdown), breakdown, kernelCalls: this.kernelCalls, flops, bytes, operators }
  }

  /** The operator alone on one chip's share, as an unfused kernel: its place on the roofline. */
  private tally(index: number, op: Operator): void {
    const share = op.split ? this.system.chips : 1
    const flops = op.flops / share
    const bytes = opBytesPerChip(op, this.system.chips)
    // Attention's products at the attention kernels' rate; the roofline itself stays ideal (no
    // ramp or partial overlap: those belong to a kernel, not to an operator's place on the chart).
    const rate = op.kind === 'attention' ? this.attentionFlopsPerSecond : this.flopsPerSecond
    const computeSeconds = flops / rate
    const memorySeconds = bytes / this.bytesPerSecond
    let tally = this.tallies[index]
    if (tally === undefined || tally.name !== op.name) {
      tally = { name: op.name, kind: op.kind, seconds: 0, computeSeconds: 0, memorySeconds: 0, flops: 0, bytes: 0 }
      this.tallies[index] = tally
    }
    tally.seconds += Math.max(computeSeconds, memorySeconds) * op.repeat
    tally.computeSeconds += computeSeconds * op.repeat
    tally.memorySeconds += memorySeconds * op.repeat
    tally.flops += flops * op.repeat
    tally.bytes += bytes * op.repeat
  }
}
