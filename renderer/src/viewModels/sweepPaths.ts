import { CACHE_POLICIES, OVERRIDABLE_FIGURE, OVERRIDABLE_FIGURES, PRECISIONS } from '../../../contract/api'

/**
 * The scenario fields a sweep form offers: the common numeric and enumerated ones, and each
 * system's overridable figures. Any other dotted path can still be typed by hand.
 */
export interface SweepPathOption {
  path: string
  label: string
  /** The field holds whole numbers: log ranges are rounded. */
  integer: boolean
  /** The allowed words of an enumerated field, offered as its default values. */
  choices?: readonly string[]
  /** Values a new axis on this field starts with. */
  example: string
}

export const COMMON_SWEEP_PATHS: readonly SweepPathOption[] = [
  { path: 'workload.batch', label: 'Batch size', integer: true, example: '1,2,4,8,16' },
  { path: 'workload.promptTokens', label: 'Prompt tokens', integer: true, example: '128..2048:x5' },
  { path: 'workload.outputTokens', label: 'Output tokens', integer: true, example: '20..200:x4' },
  {
    path: 'workload.precision',
    label: 'Precision',
    integer: false,
    choices: PRECISIONS,
    example: PRECISIONS.join(','),
  },
  {
    path: 'workload.speculative.acceptanceRate',
    label: 'Draft acceptance rate (speculative)',
    integer: false,
    example: '0.5..0.9:0.1',
  },
  {
    path: 'workload.speculative.proposedTokens',
    label: 'Draft tokens per step (speculative)',
    integer: true,
    example: '1,2,4,8',
  },
  { path: 'serving.experts', label: 'Experts (serving)', integer: true, example: '10..1000:x5' },
  { path: 'serving.maxBatch', label: 'Largest batch (serving)', integer: true, example: '1,2,4,8' },
  { path: 'serving.locality', label: 'Expert locality (serving)', integer: false, example: '0..0.8:0.2' },
  { path: 'serving.routing.exponent', label: 'Zipf exponent (serving)', integer: false, example: '0..2:0.5' },
  {
    path: 'serving.cachePolicy',
    label: 'Cache policy (serving)',
    integer: false,
    choices: CACHE_POLICIES,
    example: CACHE_POLICIES.join(','),
  },
  { path: 'serving.traffic.rate', label: 'Arrival rate, req/s (serving)', integer: false, example: '0.5..4:x4' },
]

/** A system's figures a scenario may override (`systemOverrides.<system>.<figure>`), from the core's table. */
export const OVERRIDE_FIGURES: readonly { figure: string; label: string; integer: boolean; example: string }[] =
  OVERRIDABLE_FIGURES.map((key) => {
    const { label, unit, integer, sweepExample } = OVERRIDABLE_FIGURE[key]
    // Sweep values are written in stored units: name them where the form would show others.
    const stored = unit.si !== '' && unit.si !== unit.label ? `, ${unit.si}` : ''
    return { figure: key, label: `${label.toLowerCase()}${stored}`, integer, example: sweepExample }
  })

/** The common paths, then each of `systems`' overridable figures. */
export function sweepPathOptions(systems: readonly string[]): SweepPathOption[] {
  const overrides = systems.flatMap((system) =>
    OVERRIDE_FIGURES.map((figure) => ({
      path: `systemOverrides.${system}.${figure.figure}`,
      label: `${system}: ${figure.label}`,
      integer: figure.integer,
      example: figure.example,
    })),
  )
  return [...COMMON_SWEEP_PATHS, ...overrides]
}

/** Whether values of `path` must be whole numbers (unknown, typed paths: no). */
export function isIntegerPath(path: string): boolean {
  const figure = /^systemOverrides\.[^.]+\.([^.]+)$/.exec(path)?.[1]
  if (figure !== undefined) return OVERRIDE_FIGURES.some((option) => option.figure === figure && option.integer)
  return COMMON_SWEEP_PATHS.some((option) => option.path === path && option.integer)
}
