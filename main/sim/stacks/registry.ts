import { ideal } from './ideal'
import { nemo2023 } from './nemo2023'
import { sambaflow2024 } from './sambaflow2024'
import { sambanovaCloud2024 } from './sambanovaCloud2024'
import { trtllm2024 } from './trtllm2024'
import { vllmRocm2024 } from './vllmRocm2024'
import type { SiliconFamily, StackFigures, StackProfile } from './schema'

/**
 * The software stacks, one entry each: a system is silicon plus one of these. The scenario's
 * `systemOverrides.<id>.stack`, the form's choice, the validation rows' `stack` and the fit are
 * all generated from this table. A new stack is one file and one line here.
 */
export const STACK_PROFILE = {
  'nemo-2023': nemo2023,
  'trtllm-2024': trtllm2024,
  'vllm-rocm-2024': vllmRocm2024,
  'sambaflow-2024': sambaflow2024,
  'sambanova-cloud-2024': sambanovaCloud2024,
  ideal,
} as const satisfies Record<string, StackProfile>

export type StackId = keyof typeof STACK_PROFILE
export const STACK_IDS = Object.keys(STACK_PROFILE) as [StackId, ...StackId[]]

export function isStackId(id: string): id is StackId {
  return Object.hasOwn(STACK_PROFILE, id)
}

/** A stack's figures on a chip of `family` (undefined: no family), or null where it does not run. */
export function stackFigures(stack: StackId, family: SiliconFamily | undefined): StackFigures | null {
  const profile: StackProfile = STACK_PROFILE[stack]
  return (family === undefined ? undefined : profile.families[family]?.figures) ?? profile.anySilicon ?? null
}

/** The stacks that run on a chip of `family`, in table order. */
export function stacksFor(family: SiliconFamily | undefined): StackId[] {
  return STACK_IDS.filter((id) => stackFigures(id, family) !== null)
}
