import type { Issue } from '../../../contract/channels'

/**
 * The main process reports an invalid scenario with one issue per field (`path`, `message`: see
 * contract/channels.ts). This sorts them by the field's path from the scenario's root, so the form
 * can show each beside its field; what names no scenario field stays general.
 */
export interface FieldErrors {
  /** By path from the scenario root: `workload.batch`, `customSystems.0.chip.peakFlops.value`. */
  fields: Record<string, string>
  /** Messages that name no scenario field (a label, a seed count, an unreachable host). */
  general: string[]
}

/** The issues sorted by field; with none, `message` (a failure without fields) is general. */
export function fieldErrorsOf(issues: readonly Issue[], message = '', root = 'scenario'): FieldErrors {
  const result: FieldErrors = { fields: {}, general: [] }
  if (issues.length === 0) {
    if (message.trim() !== '') result.general.push(message.trim())
    return result
  }
  for (const issue of issues) {
    if (issue.path[0] !== root) {
      const where = issue.path.map(String).join('.')
      result.general.push(where ? `${where}: ${issue.message}` : issue.message)
      continue
    }
    const field = issue.path.slice(1).map(String).join('.')
    if (field === '') result.general.push(issue.message)
    else result.fields[field] = result.fields[field] ? `${result.fields[field]}; ${issue.message}` : issue.message
  }
  return result
}

/**
 * The message for a field and anything beneath it (a custom system's `chip` block shows the
 * errors of its quantities), or undefined. `exact` asks for that path only.
 */
export function errorAt(errors: Record<string, string>, path: string, exact = false): string | undefined {
  if (exact) return errors[path]
  const found = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message)
  return found.length === 0 ? undefined : found.join('; ')
}
