import { basename } from 'node:path'
import { MeasurementFileSchema, type ValidationRequest } from '../../contract/api'
import { describeIssues } from '../../contract/validation'
import { withModelChecks, type CommandOptions, type Output } from './commands'
import { readTextFile } from './scenarioFile'
import { UsageError } from './usageError'
import { formatValidation } from './validateFormat'

export interface ValidateOptions extends CommandOptions {
  measurements?: string | undefined
  stack?: string | undefined
  kernels?: boolean | undefined
}

/** Reads and checks a measurements file; a failure names the file and the field (`rows.3.measured`). */
function readMeasurementsFile(path: string): ValidationRequest['measurements'] {
  let json: unknown
  try {
    json = JSON.parse(readTextFile(path))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${path}: invalid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
  const parsed = MeasurementFileSchema.safeParse(json)
  if (!parsed.success) throw new UsageError(`${path}: ${describeIssues(parsed.error)}`)
  return parsed.data
}

/** The request `--measurements` and `--stack` make: the shipped set unless a file is given. */
export function validationRequest(options: ValidateOptions): ValidationRequest {
  if (options.stack !== undefined && options.stack.trim() === '') throw new UsageError('--stack: give a stack id')
  const kernels = options.kernels === true ? { kernels: true } : {}
  if (options.measurements === undefined) return { stack: options.stack, ...kernels }
  return {
    measurements: readMeasurementsFile(options.measurements),
    measurementsName: basename(options.measurements),
    stack: options.stack,
    ...kernels,
  }
}

/**
 * `memwall validate`: every measurement row simulated beside its measured value, and the
 * summary. Exit 0 whenever it ran: errors are findings, not failures; 2 on bad input.
 */
export async function validateCommand(options: ValidateOptions, io: Output): Promise<number> {
  const request = validationRequest(options)
  const report = await withModelChecks(({ validation }) => validation.run(request))
  // The JSON the issue names (rows, summary), and the collectives and kernels when asked for.
  const json = {
    rows: report.rows,
    summary: report.summary,
    ...(report.collectives && { collectives: report.collectives }),
    ...(report.kernelOps && { kernelOps: report.kernelOps }),
  }
  io.out(options.json ? JSON.stringify(json, null, 2) : formatValidation(report))
  return 0
}
