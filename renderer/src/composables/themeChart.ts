import { Chart } from 'chart.js'
import { computed, readonly, ref } from 'vue'
import { applyChartTheme, chartTheme, DARK_QUERY, recolorScales, type ChartTheme } from '../charts/theme'

const scheme = ref<'light' | 'dark'>('light')

/** The system's colour scheme, as theme.css follows it; kept current by `installChartTheme`. */
export const colorScheme = readonly(scheme)

function currentTheme(): ChartTheme {
  return chartTheme(getComputedStyle(document.documentElement))
}

/**
 * Keeps Chart.js's default text and grid colours on the current theme: once at start, and again
 * (recolouring and redrawing every chart) when the system switches between light and dark.
 */
export function installChartTheme(): void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
  const media = window.matchMedia(DARK_QUERY)
  let applied = currentTheme()
  const apply = (): void => {
    const next = currentTheme()
    scheme.value = media.matches ? 'dark' : 'light'
    applyChartTheme(Chart.defaults, next)
    for (const chart of Object.values(Chart.instances)) {
      recolorScales(chart.config.options?.scales as Parameters<typeof recolorScales>[0], applied, next)
      chart.update()
    }
    applied = next
  }
  apply()
  media.addEventListener('change', apply)
}

/** The theme's series colours, recomputed when the scheme changes (palette.ts's without a page). */
export function useSeriesColors() {
  return computed(() => {
    void scheme.value
    return typeof document === 'undefined' ? undefined : currentTheme().series
  })
}
