import { parseMeasurements } from '../sim/validation/schema'
import { SHIPPED_MEASUREMENTS, shippedMeasurements } from '../sim/validation/shipped'
import { validate, type ValidationReport } from '../sim/validation/report'
import { checkCollectives } from '../sim/validation/collectives'
import { checkKernelOps } from '../sim/validation/kernelOps'

/** What to validate: a measurement set (absent: the shipped one), what to call it, one stack's rows. */
export interface ValidationTask {
  measurements?: unknown
  measurementsName?: string | undefined
  stack?: string | undefined
  /** Also the collectives and the per-operator kernels against the shipped Vidur profiles. */
  kernels?: boolean | undefined
}

/**
 * Piscina task (export `validationRun` of simWorker): every measurement row simulated. It runs
 * here because a set of long generations is hundreds of milliseconds of simulation.
 */
export function validationRun(task: ValidationTask): ValidationReport {
  const report = endToEnd(task)
  return task.kernels ? { ...report, collectives: checkCollectives(), kernelOps: checkKernelOps() } : report
}

function endToEnd(task: ValidationTask): ValidationReport {
  if (task.measurements === undefined) {
    return validate(shippedMeasurements(), SHIPPED_MEASUREMENTS, { stack: task.stack })
  }
  // Re-validate: the worker trusts nothing it did not check itself.
  const parsed = parseMeasurements(task.measurements)
  if (!parsed.ok) throw new Error(`${parsed.issues[0]!.path}: ${parsed.issues[0]!.message}`)
  return validate(parsed.file, task.measurementsName ?? 'measurements', { stack: task.stack })
}
