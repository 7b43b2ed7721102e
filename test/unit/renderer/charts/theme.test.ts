import { describe, expect, it } from 'vitest'
import { SERIES_COLORS } from '../../../../renderer/src/charts/palette'
import {
  applyChartTheme,
  chartTheme,
  CHART_SERIES_VARIABLES,
  recolorScales,
} from '../../../../renderer/src/charts/theme'

const style = (values: Record<string, string>) => ({ getPropertyValue: (name: string) => values[name] ?? '' })

describe('chart theme', () => {
  it('names one variable per palette colour', () => {
    expect(CHART_SERIES_VARIABLES).toHaveLength(SERIES_COLORS.length)
    expect(CHART_SERIES_VARIABLES[0]).toBe('--chart-series-1')
  })

  it('reads the theme variables, trimmed, falling back to palette.ts', () => {
    const theme = chartTheme(style({ '--chart-text': ' #d1d5db', '--chart-series-1': ' #60a5fa ' }))
    expect(theme.text).toBe('#d1d5db')
    expect(theme.grid).toBe('#e5e7eb')
    expect(theme.series[0]).toBe('#60a5fa')
    expect(theme.series.slice(1)).toEqual(SERIES_COLORS.slice(1))
  })

  it('sets the Chart.js defaults for text and grid lines', () => {
    const defaults = { color: '#666', borderColor: 'rgba(0,0,0,0.1)' }
    applyChartTheme(defaults, { text: '#d1d5db', grid: '#374151', series: [] })
    expect(defaults).toEqual({ color: '#d1d5db', borderColor: '#374151' })
  })
})

describe('recolouring a live chart', () => {
  const light = { text: '#374151', grid: '#e5e7eb', series: [] }
  const dark = { text: '#d1d5db', grid: '#374151', series: [] }

  it('moves the copied default colours to the new theme and keeps a chart’s own', () => {
    const scales = {
      x: { grid: { color: '#e5e7eb' }, ticks: { color: '#374151' } },
      y: { grid: { color: '#ff0000' }, ticks: {}, title: { color: '#374151' } },
    }
    recolorScales(scales, light, dark)
    expect(scales).toEqual({
      x: { grid: { color: '#374151' }, ticks: { color: '#d1d5db' } },
      y: { grid: { color: '#ff0000' }, ticks: { color: '#d1d5db' }, title: { color: '#d1d5db' } },
    })
    expect(() => recolorScales(undefined, light, dark)).not.toThrow()
  })
})
