import type { Operator } from '../models/operators'
import type { OperatorTiming, PhaseTiming } from '../result'
import { operatorBytes, rooflineTime, type Machine } from './roofline'

/**
 * Sums roofline times of forward passes into one phase, operator by operator. Unfused
 * execution: each operator is its own kernel and its inputs and outputs travel through HBM.
 */
export class PhaseAccumulator {
  private readonly byName = new Map<string, OperatorTiming>()

  constructor(private readonly machine: Machine) {}

  add(operators: readonly Operator[]): void {
    for (const op of operators) {
      const time = rooflineTime(op, this.machine)
      const timing = this.byName.get(op.name) ?? this.emptyTiming(op)
      timing.seconds += time.seconds * op.repeat
      timing.computeSeconds += time.computeSeconds * op.repeat
      timing.memorySeconds += time.memorySeconds * op.repeat
      timing.flops += op.flops * op.repeat
      timing.bytes += operatorBytes(op) * op.repeat
      this.byName.set(op.name, timing)
    }
  }

  result(): PhaseTiming {
    const operators = [...this.byName.values()].map((timing) => ({
      ...timing,
      boundBy: timing.computeSeconds >= timing.memorySeconds ? ('compute' as const) : ('memory' as const),
    }))
    const sum = (pick: (t: OperatorTiming) => number): number => operators.reduce((total, t) => total + pick(t), 0)
    return { seconds: sum((t) => t.seconds), flops: sum((t) => t.flops), bytes: sum((t) => t.bytes), operators }
  }

  private emptyTiming(op: Operator): OperatorTiming {
    return {
      name: op.name,
      kind: op.kind,
      seconds: 0,
      computeSeconds: 0,
      memorySeconds: 0,
      flops: 0,
      bytes: 0,
      boundBy: 'memory',
    }
  }
}
