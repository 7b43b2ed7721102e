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
  { path: 'serving.experts', label: 'Experts (serving)', integer: true, example: '10..1000:x5' },
  { path: 'serving.maxBatch', label: 'Largest batch (serving)', integer: true, example: '1,2,4,8' },
  { path: 'serving.locality', label: 'Expert locality (serving)', integer: false, example: '0..0.8:0.2' },
  { path: 'serving.routing.exponent', label: 'Zipf exponent (serving)', integer: false, example: '0..2:0.5' },
  {
    path: 'serving.cachePolicy',
    label: 'Cache policy (serving)',
    integer: false,
    choices: ['lru', 'lfu', 'pinned', 'belady'],
    example: 'lru,lfu,pinned,belady',
  },
  { path: 'serving.traffic.rate', label: 'Arrival rate, req/s (serving)', integer: false, example: '0.5..4:x4' },
]

/** A system's figures a scenario may override (`systemOverrides.<system>.<figure>`). */
export const OVERRIDE_FIGURES: readonly { figure: string; label: string; integer: boolean; example: string }[] = [
  { figure: 'memoryEfficiency', label: 'memory efficiency', integer: false, example: '0.5..0.9:0.1' },
  { figure: 'computeEfficiency', label: 'compute efficiency', integer: false, example: '0.5..0.9:0.1' },
  { figure: 'copyBandwidth', label: 'copy bandwidth, B/s', integer: false, example: '1e10..1e12:x5' },
  { figure: 'interconnectBandwidth', label: 'interconnect bandwidth, B/s', integer: false, example: '1e10..1e12:x5' },
  { figure: 'stepOverhead', label: 'step overhead, s', integer: false, example: '1e-4..1e-2:x5' },
  { figure: 'programLoad', label: 'program load, s', integer: false, example: '1e-3..1:x4' },
  { figure: 'chips', label: 'chips', integer: true, example: '1,2,4,8' },
]

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
  if (/^systemOverrides\.[^.]+\.chips$/.test(path)) return true
  return COMMON_SWEEP_PATHS.some((option) => option.path === path && option.integer)
}
