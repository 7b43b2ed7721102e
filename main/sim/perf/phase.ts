import type { Operator } from '../models/operators'
import type { OperatorTiming, PhaseTiming } from '../result'
import { operatorBytes, rooflineTime, type Machine } from './roofline'

/**
 * Sums roofline times of forward passes into one phase, operator by operator. Unfused
 * execution: each operator is its own kernel and its inputs and outputs travel through HBM.
 */
type Tally = Omit<OperatorTiming, 'boundBy'>

export class PhaseAccumulator {
  private readonly byName = new Map<string, Tally>()

  constructor(private readonly machine: Machine) {}

  add(operators: readonly Operator[]): void {
    for (const op of operators) {
      const time = rooflineTime(op, this.machine)
      let tally = this.byName.get(op.name)
      if (!tally) {
        tally = { name: op.name, kind: op.kind, seconds: 0, computeSeconds: 0, memorySeconds: 0, flops: 0, bytes: 0 }
        this.byName.set(op.name, tally)
      }
      tally.seconds += time.seconds * op.repeat
      tally.computeSeconds += time.computeSeconds * op.repeat
      tally.memorySeconds += time.memorySeconds * op.repeat
      tally.flops += op.flops * op.repeat
      tally.bytes += operatorBytes(op) * op.repeat
    }
  }

  result(): PhaseTiming {
    const operators = [...this.byName.values()].map((tally): OperatorTiming => ({
      ...tally,
      boundBy: tally.computeSeconds >= tally.memorySeconds ? 'compute' : 'memory',
    }))
    const sum = (pick: (t: OperatorTiming) => number): number => operators.reduce((total, t) => total + pick(t), 0)
    return { seconds: sum((t) => t.seconds), flops: sum((t) => t.flops), bytes: sum((t) => t.bytes), operators }
  }
}
