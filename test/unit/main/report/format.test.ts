import { describe, expect, it } from 'vitest'
import { escapeHtml, formatChange, formatFactor, formatValue } from '../../../../main/report/format'
import { barChartSvg } from '../../../../main/report/svgChart'

describe('report number formatting', () => {
  it.each([
    [0.05348390025, 's', '53.48 ms'],
    [2.5e-6, 's', '2.5 µs'],
    [1.5, 's', '1.5 s'],
    [13_554_425_856, 'B', '13.55 GB'],
    [0.8765, 'fraction', '87.65 %'],
    [373.9443, 'tokens/s', '373.9 tokens/s'],
    [0, 's', '0 s'],
  ])('%d %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text)
  })

  it('prints factors to 3 significant digits and signed changes', () => {
    expect(formatFactor(3.71002)).toBe('3.71×')
    expect(formatFactor(30.132)).toBe('30.1×')
    expect(formatChange(0.125)).toBe('+12.5 %')
    expect(formatChange(-0.0312)).toBe('−3.12 %')
    expect(formatChange(0)).toBe('0 %')
  })

  it('escapes markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})

describe('barChartSvg', () => {
  it('scales bars to the largest value and labels them, with no link or script', () => {
    const svg = barChartSvg({
      title: 'T <1>',
      unit: 's',
      categories: ['a', 'b'],
      series: [{ name: 'run', values: [0.002, 0.001] }],
    })
    // plot width 720 − 170 − 90 = 460: the larger bar is full width, the other half
    expect(svg).toContain('width="460.0"')
    expect(svg).toContain('width="230.0"')
    expect(svg).toContain('2 ms')
    expect(svg).toContain('T &lt;1&gt;')
    expect(svg).not.toMatch(/href=|src=|<script/)
  })

  it('marks a missing value n/a instead of drawing a bar', () => {
    const svg = barChartSvg({ title: 't', unit: 's', categories: ['a'], series: [{ name: 'r', values: [null] }] })
    expect(svg).toContain('n/a')
    expect(svg).not.toContain('<rect x="170"')
  })
})
