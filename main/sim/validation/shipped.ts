import shipped from '../../../resources/validation/measurements.json'
import { parseMeasurements, type MeasurementFile } from './schema'

/** What the report calls the shipped set. */
export const SHIPPED_MEASUREMENTS = 'resources/validation/measurements.json'

let parsed: MeasurementFile | undefined

/** The measurement set shipped with the workbench, parsed once (a test proves it parses). */
export function shippedMeasurements(): MeasurementFile {
  if (parsed === undefined) {
    const result = parseMeasurements(shipped)
    if (!result.ok) throw new Error(`${SHIPPED_MEASUREMENTS}: ${result.issues[0]!.path}: ${result.issues[0]!.message}`)
    parsed = result.file
  }
  return parsed
}
