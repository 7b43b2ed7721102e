import type { Operator } from '../models/operators'

/** What a group of chips can sustain, with efficiencies already applied. */
export interface Machine {
  /** Achievable FLOP/s of all chips the work is split over. */
  flopsPerSecond: number
  /** Achievable HBM bytes/s of all chips the work is split over. */
  bytesPerSecond: number
}

export interface OperatorTime {
  computeSeconds: number
  memorySeconds: number
  seconds: number
}

export function operatorBytes(op: Operator): number {
  return op.weightBytes + op.inputBytes + op.outputBytes + op.kvBytes
}

/**
 * Roofline time of one instance of an operator: it cannot finish faster than its FLOPs at the
 * achievable compute rate, nor than its bytes at the achievable memory bandwidth.
 */
export function rooflineTime(op: Operator, machine: Machine): OperatorTime {
  const computeSeconds = op.flops / machine.flopsPerSecond
  const memorySeconds = operatorBytes(op) / machine.bytesPerSecond
  return { computeSeconds, memorySeconds, seconds: Math.max(computeSeconds, memorySeconds) }
}

/** FLOPs per byte moved; compare with `ridgePoint` to see which roof binds. */
export function operationalIntensity(op: Operator): number {
  const bytes = operatorBytes(op)
  return bytes === 0 ? Infinity : op.flops / bytes
}

/** The intensity above which a machine is compute-bound. */
export function ridgePoint(machine: Machine): number {
  return machine.flopsPerSecond / machine.bytesPerSecond
}
