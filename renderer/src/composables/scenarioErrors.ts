/**
 * The main process reports an invalid scenario as one line naming each field, e.g.
 * `scenario.workload.batch: Too small: expected number to be >=1; scenario.systems.1: "x" is listed twice`
 * (preload/validation.ts). This splits it into messages by the field's path from the scenario's
 * root, so the form can show each beside its field; what names no scenario field stays general.
 */
export interface FieldErrors {
  /** By path from the scenario root: `workload.batch`, `customSystems.0.chip.peakFlops.value`. */
  fields: Record<string, string>
  /** Messages that name no scenario field (a label, a seed count, an unreachable host). */
  general: string[]
}

const ISSUE = /^([^\s:]+): (.+)$/s

export function fieldErrorsOf(message: string, root = 'scenario'): FieldErrors {
  const result: FieldErrors = { fields: {}, general: [] }
  for (const part of message.split('; ')) {
    const match = ISSUE.exec(part.trim())
    const path = match?.[1] ?? ''
    if (!match || (path !== root && !path.startsWith(`${root}.`))) {
      if (part.trim() !== '') result.general.push(part.trim())
      continue
    }
    const field = path === root ? '' : path.slice(root.length + 1)
    if (field === '') result.general.push(match[2]!)
    else result.fields[field] = result.fields[field] ? `${result.fields[field]}; ${match[2]}` : match[2]!
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
