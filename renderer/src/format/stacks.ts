import {
  STACK_PROFILE,
  isStackId,
  stacksFor,
  type SiliconFamily,
  type StackId,
  type SystemSpec,
} from '../../../contract/api'
import { stackLabel } from '../../../contract/validationPresentation'

export type { StackId }

/** A stack the form offers: its id, its label, and one line on what was measured (a tooltip). */
export interface StackOption {
  id: StackId
  label: string
  description: string
}

/**
 * The chip family of a system. A custom system the user typed is shown before the API checks it,
 * so its chip may be missing and its family any string: only a known family counts.
 */
function familyOf(system: Pick<SystemSpec, 'chip'>): SiliconFamily | undefined {
  return (system.chip as Partial<SystemSpec['chip']> | undefined)?.family
}

/** The stacks that have figures for the system's silicon (the core's rule), in the registry's order. */
export function stackOptions(system: Pick<SystemSpec, 'chip'>): StackOption[] {
  return stacksFor(familyOf(system)).map((id) => ({
    id,
    label: STACK_PROFILE[id].label,
    description: STACK_PROFILE[id].description,
  }))
}

/** What the system runs when a scenario names no stack: its default stack, else its own figures. */
export function defaultStackText(system: Pick<SystemSpec, 'defaultStack'>): string {
  const stack = system.defaultStack
  return stack !== undefined && isStackId(stack) ? `default (${stackLabel(stack)})` : 'own figures'
}
