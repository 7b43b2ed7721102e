import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** theme.css's custom properties: the light block, and the light block overlaid with the dark one. */
const css = readFileSync(new URL('../../../../renderer/src/styles/theme.css', import.meta.url), 'utf8')
const [lightBlock, darkBlock] = css.split('@media (prefers-color-scheme: dark)')

function variables(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((match) => [match[1]!, match[2]!]))
}

const light = variables(lightBlock!)
const dark = new Map([...light, ...variables(darkBlock!)])

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (high! + 0.05) / (low! + 0.05)
}

// Text colour on background colour: body text, hints, links, buttons, status badges, the sidebar.
const TEXT_PAIRS = [
  ['--color-text', '--color-bg'],
  ['--color-text', '--color-surface'],
  ['--color-text', '--color-surface-raised'],
  ['--color-text-muted', '--color-bg'],
  ['--color-text-muted', '--color-surface'],
  ['--color-text-faint', '--color-bg'],
  ['--color-text-faint', '--color-surface-raised'],
  ['--color-accent', '--color-bg'],
  ['--color-on-primary', '--color-primary-bg'],
  ['--color-on-primary', '--color-primary-bg-hover'],
  ['--color-danger', '--color-danger-bg'],
  ['--color-success', '--color-success-bg'],
  ['--color-warning', '--color-warning-bg'],
  ['--color-warning', '--color-bg'],
  ['--status-queued-fg', '--status-queued-bg'],
  ['--status-running-fg', '--status-running-bg'],
  ['--status-finished-fg', '--status-finished-bg'],
  ['--status-failed-fg', '--status-failed-bg'],
  ['--status-cancelled-fg', '--status-cancelled-bg'],
  ['--sidebar-text', '--sidebar-bg'],
  ['--sidebar-text', '--sidebar-hover-bg'],
  ['--sidebar-text-strong', '--sidebar-hover-bg'],
  ['--sidebar-active-text', '--sidebar-active-bg'],
  ['--chart-text', '--color-bg'],
] as const

describe('theme.css', () => {
  it('defines every variable in both themes', () => {
    expect(light.size).toBeGreaterThan(40)
    for (const name of variables(darkBlock!).keys()) expect(light.has(name), name).toBe(true)
  })

  it('is dark in the dark theme', () => {
    expect(luminance(dark.get('--color-bg')!)).toBeLessThan(0.05)
    expect(luminance(light.get('--color-bg')!)).toBeGreaterThan(0.9)
  })

  it.each(TEXT_PAIRS)('%s on %s reads at 4.5:1 or more in both themes', (text, background) => {
    for (const [theme, values] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      const ratio = contrast(values.get(text)!, values.get(background)!)
      expect(ratio, `${theme}: ${values.get(text)} on ${values.get(background)}`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('starts the light series with palette.ts’s colours', async () => {
    const { SERIES_COLORS } = await import('../../../../renderer/src/charts/palette')
    expect(SERIES_COLORS.map((_, index) => light.get(`--chart-series-${index + 1}`))).toEqual(SERIES_COLORS)
  })
})
