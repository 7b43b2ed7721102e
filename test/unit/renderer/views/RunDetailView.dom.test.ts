// @vitest-environment happy-dom
import 'vitest-canvas-mock'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createFakeApi } from '../fakeApi'
import { detail, okSystem, operator, outOfMemorySystem, phase, runResult, scenario, summary } from '../fixtures'
import { outOfMemoryServing, servingConfig, servingSystem } from '../servingFixtures'
import { runPageRow, validationReport } from '../validationFixtures'

const fake = vi.hoisted(() => ({ current: undefined as unknown }))
vi.mock('../../../../renderer/src/api/index.ts', () => ({ getApi: () => fake.current }))

const { default: RunDetailView } = await import('../../../../renderer/src/views/RunDetailView.vue')

const sn40l = {
  ...okSystem('sn40l-node', 'SN40L node', 0.0125, 0.5),
  mode: 'fusedHO',
  // 2e12 FLOP over 1e9 B: 2000 FLOP/B at 2e12 / 2e-3 = 1e15 FLOP/s
  prefill: phase(0.0125, { compute: 0.01, launch: 0.0025 }, [operator('qkv', 2e12, 1e9, 2e-3)], 96),
  // 2e9 FLOP over 1e9 B: 2 FLOP/B at 2e9 / 1e-3 = 2e12 FLOP/s
  decode: phase(0.5, { memory: 0.4375, launch: 0.0625 }, [operator('qkv', 2e9, 1e9, 1e-3)], 1216),
}

function chartIn(wrapper: ReturnType<typeof mount>, testId: string): Chart | undefined {
  const canvas = wrapper.get(`[data-testid="${testId}"]`).get('canvas').element as HTMLCanvasElement
  return Chart.getChart(canvas)
}

describe('RunDetailView', () => {
  beforeEach(() => {
    const harness = createFakeApi()
    harness.api.runsGet.mockResolvedValue(detail(1, [sn40l, outOfMemorySystem('dgx-a100', 'DGX A100')]))
    harness.api.validationRun.mockResolvedValue(validationReport([]))
    fake.current = harness.api
  })
  afterEach(() => vi.restoreAllMocks())

  it('draws the time breakdown and the roofline of a finished run, and toggles the roofline phase', async () => {
    const errors = vi.spyOn(console, 'error')
    const wrapper = mount(RunDetailView, {
      props: { id: 1 },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    await nextTick()

    const breakdown = chartIn(wrapper, 'breakdown-chart')
    expect(breakdown?.data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)'])
    expect(breakdown?.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Compute', [0.01, 0]],
      ['Memory', [0.4375, 0]],
      ['Launch overhead', [0.065, 0]], // 0.0025 + 0.0625
    ])

    const roofline = chartIn(wrapper, 'roofline-chart')
    expect(roofline?.data.datasets.map((dataset) => dataset.label)).toEqual(['SN40L node', 'SN40L node roof'])
    expect(roofline?.data.datasets[0]!.data).toEqual([{ x: 2, y: 2e12, operator: 'qkv' }])
    expect((roofline?.options.scales?.x as { type: string }).type).toBe('logarithmic')

    await wrapper.get('[data-testid="roofline-phase"]').setValue('prefill')
    await nextTick()
    expect(chartIn(wrapper, 'roofline-chart')?.data.datasets[0]!.data).toEqual([{ x: 2000, y: 1e15, operator: 'qkv' }])

    const row = wrapper.get('[data-testid="metrics-row-sn40l-node"]').text()
    expect(row).toContain('fused HO')
    expect(row).toContain('96 / 1,216')
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('puts the headline cards above the notes, with the reason for a card left out', async () => {
    // totals: SN40L 0.0125 + 0.5 = 0.5125 s, DGX H100 0.25 + 0.775 = 1.025 s: 2.00×
    ;(fake.current as ReturnType<typeof createFakeApi>['api']).runsGet.mockResolvedValue(
      detail(4, [sn40l, okSystem('dgx-h100', 'DGX H100', 0.25, 0.775)]),
    )
    const wrapper = mount(RunDetailView, { props: { id: 4 }, global: { plugins: [createPinia()] } })
    await flushPromises()
    const card = wrapper.get('[data-testid="headline-speedup-sn40l-node-dgx-h100"]')
    expect(card.text()).toContain('SN40L node is 2.00× faster than DGX H100')
    expect(card.attributes('title')).toContain('docs/MODEL.md §4')
    const html = wrapper.html()
    expect(html.indexOf('data-testid="headline-cards"')).toBeLessThan(html.indexOf('id="annotations-heading"'))
    expect(wrapper.get('[data-testid="headline-notes"]').text()).toContain('No model-switch ratio')
    wrapper.unmount()
  })

  it('shows each system’s KV capacity beside the metrics, the refused batch marked', async () => {
    // Llama-2-70B, BF16, TP8 on 8 × 80 GB: 1,336,812 tokens (test/unit/main/sim/perf/kvCapacity.test.ts).
    const capacity = (batch: number) => ({
      usableBytes: 576e9,
      kvBytes: 438_046_703_616,
      bytesPerToken: 327_680,
      tokens: 1_336_812,
      contextTokens: 4096,
      batch,
      batchAtContext: 326,
      contextAtBatch: Math.floor(1_336_812 / batch),
    })
    const oom = outOfMemorySystem('dgx-a100', 'DGX A100')
    ;(fake.current as ReturnType<typeof createFakeApi>['api']).runsGet.mockResolvedValue(
      detail(5, [
        { ...sn40l, memory: { ...sn40l.memory, kvCapacity: capacity(8) } },
        { ...oom, memory: { ...oom.memory, kvCapacity: capacity(512) } },
      ]),
    )
    const wrapper = mount(RunDetailView, { props: { id: 5 }, global: { plugins: [createPinia()] } })
    await flushPromises()
    const table = wrapper.get('[data-testid="kv-capacity-table"]')
    expect(table.get('caption').text()).toContain('4,096-token context and batch 8 (90% of HBM usable')
    expect(wrapper.get('[data-testid="kv-capacity-row-sn40l-node"]').text()).toContain('1,336,812 tokens')
    expect(wrapper.get('[data-testid="kv-capacity-sn40l-node-kvCapacityContext"]').text()).toBe('167,101 tokens')
    const refused = wrapper.get('[data-testid="kv-capacity-dgx-a100-kvCapacityBatch"]')
    expect(refused.text()).toBe('326 sequences')
    expect(refused.classes()).toContain('oom')
    wrapper.unmount()
  })

  it('says a run stored before the KV capacity was recorded has none', async () => {
    const wrapper = mount(RunDetailView, { props: { id: 1 }, global: { plugins: [createPinia()] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="kv-capacity-table"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="kv-capacity-unrecorded"]').text()).toContain('not recorded')
    wrapper.unmount()
  })

  it('shows no serving section for a run without one', async () => {
    const wrapper = mount(RunDetailView, { props: { id: 1 }, global: { plugins: [createPinia()] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="metrics-table"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="serving-section"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the serving table and charts of a run that served traffic', async () => {
    const errors = vi.spyOn(console, 'error')
    const run = detail(2, [sn40l, outOfMemorySystem('dgx-a100', 'DGX A100')])
    const serving = servingConfig({
      experts: 200,
      traffic: { kind: 'poisson', rate: 1.5 },
      requests: 20000,
      routing: { kind: 'uniform' },
    })
    run.result = {
      ...run.result!,
      scenario: { ...scenario, serving },
      serving: [servingSystem('sn40l-node', 'SN40L node'), outOfMemoryServing('dgx-a100', 'DGX A100')],
    }
    ;(fake.current as ReturnType<typeof createFakeApi>['api']).runsGet.mockResolvedValue(run)
    const wrapper = mount(RunDetailView, {
      props: { id: 2 },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await flushPromises()
    await nextTick()

    const section = wrapper.get('[data-testid="serving-section"]')
    expect(section.text()).toContain('200 llama2-7b experts · Poisson arrivals at 1.5 req/s')
    const cell = (metric: string, system = 'sn40l-node') =>
      wrapper
        .get(`[data-testid="serving-${metric}-${system}"]`)
        .text()
        .replace(/\u00a0/g, ' ') // quantities kept whole
    // the fixture: 19,990 of 20,000; 4 dropped, 6 timed out; hit rate 0.7246; switching 0.0507 of busy
    expect(cell('completed')).toBe('19,990 / 20,000')
    expect(cell('lost')).toBe('4 / 6')
    expect(cell('throughput')).toBe('1.51 req/s · 38.8 tok/s')
    expect(cell('ttft')).toBe('6.6 ms / 166 ms')
    expect(cell('e2e')).toBe('66.4 ms / 158 ms / 318 ms / 689 ms')
    expect(cell('hits')).toBe('72.5%')
    expect(cell('switching')).toBe('5.1% of busy time · 5,505 switches')
    expect(cell('utilisation')).toBe('11.5%') // 0.1147
    expect(cell('queue')).toBe('0.02 (4)') // 0.0216 to two decimals
    expect(cell('completed', 'dgx-a100')).toContain('out of memory: 200 experts')
    expect(wrapper.find('[data-testid="serving-lost-dgx-a100"]').exists()).toBe(false) // spans the column
    expect(
      wrapper
        .get('[data-testid="serving-table"]')
        .findAll('thead th')
        .map((th) => th.text()),
    ).toEqual(['Metric', 'SN40L node', 'DGX A100'])

    const latency = chartIn(wrapper, 'serving-latency-chart')
    expect(latency?.data.labels).toEqual(['SN40L node', 'DGX A100 (out of memory)'])
    expect(latency?.data.datasets.map((dataset) => dataset.data)).toEqual([
      [0.0664, 0],
      [0.1576, 0],
      [0.3177, 0],
    ])
    await wrapper.get('[data-testid="serving-latency-select"]').setValue('ttft')
    await nextTick()
    expect(chartIn(wrapper, 'serving-latency-chart')?.data.datasets[0]!.data).toEqual([0.0066, 0])

    const cdf = chartIn(wrapper, 'serving-cdf-chart')
    expect(cdf?.data.datasets.map((dataset) => dataset.label)).toEqual(['SN40L node'])
    expect((cdf?.options.scales?.x as { type: string }).type).toBe('logarithmic')

    const series = () => chartIn(wrapper, 'serving-series-chart')
    expect(series()?.data.datasets[0]!.data).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 3 },
      { x: 20, y: 1 },
    ])
    await wrapper.get('[data-testid="serving-series-select"]').setValue('switches')
    await nextTick()
    expect(series()?.data.datasets[0]!.data).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 128 },
      { x: 20, y: 180 },
    ])
    expect(errors).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

describe('RunDetailView: notes, tags and replay', () => {
  let harness: ReturnType<typeof createFakeApi>

  beforeEach(() => {
    harness = createFakeApi()
    harness.api.runsGet.mockResolvedValue(detail(3, [sn40l], { label: 'old', notes: null, tags: ['paper'] }))
    harness.api.validationRun.mockResolvedValue(validationReport([]))
    harness.api.runsUpdate.mockImplementation(async ({ runId, ...patch }) =>
      summary(runId, { status: 'finished', progress: 1, label: 'old', tags: ['paper'], ...(patch as object) }),
    )
    fake.current = harness.api
  })
  afterEach(() => vi.restoreAllMocks())

  const mountDetail = async (id = 3) => {
    const wrapper = mount(RunDetailView, {
      props: { id },
      global: { plugins: [createPinia()], stubs: { RouterLink: RouterLinkStub } },
    })
    await flushPromises()
    return wrapper
  }

  it('saves the label and notes, clearing an emptied label', async () => {
    const wrapper = await mountDetail()
    expect((wrapper.get('[data-testid="run-label-input"]').element as HTMLInputElement).value).toBe('old')
    await wrapper.get('[data-testid="run-label-input"]').setValue('  ')
    await wrapper.get('[data-testid="run-notes-input"]').setValue('warm cache, 8 sockets')
    await wrapper.get('[data-testid="run-notes-save"]').trigger('submit')
    await flushPromises()
    expect(harness.api.runsUpdate).toHaveBeenCalledWith({ runId: 3, label: null, notes: 'warm cache, 8 sockets' })
    expect(wrapper.find('[data-testid="run-label"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="run-notes-save"]').attributes('disabled')).toBeDefined() // nothing unsaved
  })

  it('edits the tags with the same editor as the list', async () => {
    const wrapper = await mountDetail()
    await wrapper.get('[data-testid="tag-remove-3-paper"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsUpdate).toHaveBeenCalledWith({ runId: 3, tags: [] })
    expect(wrapper.find('[data-testid="tag-chip-3-paper"]').exists()).toBe(false)
  })

  it('replays the run, shows the verdict, and keeps the replay as a new run', async () => {
    const report = {
      runId: 3,
      reproduced: true,
      original: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1 },
      replay: { simulatorVersion: '0.1.0', scenarioHash: 'abc', seed: 1 },
      causes: [],
      changes: [],
      changeCount: 0,
      keptRunId: null,
      originalResult: null,
      replayResult: runResult([sn40l]),
    }
    harness.api.runsReplay.mockResolvedValueOnce(report).mockResolvedValueOnce({ ...report, keptRunId: 9 })
    const wrapper = await mountDetail()
    await wrapper.get('[data-testid="replay-button"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsReplay).toHaveBeenLastCalledWith({ runId: 3, keep: false })
    expect(wrapper.get('[data-testid="replay-verdict"]').text()).toBe('Reproduced')

    await wrapper.get('[data-testid="replay-keep"]').trigger('click')
    await flushPromises()
    expect(harness.api.runsReplay).toHaveBeenLastCalledWith({ runId: 3, keep: true })
    expect(wrapper.get('[data-testid="replay-kept-link"]').text()).toBe('run #9')
  })

  it('shows the replay error from the API', async () => {
    harness.api.runsReplay.mockRejectedValueOnce(new Error('run 3 has no stored scenario'))
    const wrapper = await mountDetail()
    await wrapper.get('[data-testid="replay-button"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="replay-error"]').text()).toBe('run 3 has no stored scenario')
  })

  it('links a kept replay to the run it replays', async () => {
    harness.api.runsGet.mockResolvedValue(detail(9, [sn40l], { replayOf: 3 }))
    const wrapper = await mountDetail(9)
    expect(wrapper.get('[data-testid="run-replay-of"]').text()).toBe('replay of #3')
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toBe('/runs/3')
  })
})

describe('RunDetailView: stacks and how far to trust them', () => {
  let harness: ReturnType<typeof createFakeApi>
  const a100 = { ...okSystem('dgx-a100', 'DGX A100', 0.1, 1), stackId: 'nemo-2023' }
  const own = { ...okSystem('my-box', 'My box', 0.1, 1), stackId: null }

  beforeEach(() => {
    harness = createFakeApi()
    harness.api.runsGet.mockImplementation(async ({ runId }) => detail(runId, [a100, own]))
    harness.api.validationRun.mockResolvedValue(
      validationReport([
        runPageRow({ id: 'NM-A100-FAR', batch: 1, error: 0.3 }),
        runPageRow({ id: 'NM-A100-NEAR', error: -0.042 }),
        runPageRow({ id: 'TR-A100', stack: 'trtllm-2024', error: 0.5 }),
      ]),
    )
    fake.current = harness.api
  })
  afterEach(() => vi.restoreAllMocks())

  const mountDetail = (id: number, pinia = createPinia()) =>
    mount(RunDetailView, { props: { id }, global: { plugins: [pinia], stubs: { RouterLink: RouterLinkStub } } })

  it('shows each system’s stack and the error on the nearest measurements of that stack and hardware', async () => {
    const wrapper = mountDetail(5)
    await flushPromises()
    const a100Block = wrapper.get('[data-testid="stack-trust-dgx-a100"]')
    expect(a100Block.text()).toContain('DGX A100: NeMo 2023')
    const rows = a100Block.findAll('tbody tr')
    expect(rows.map((row) => row.find('td').text())).toEqual(['NM-A100-NEAR', 'NM-A100-FAR']) // nearest first
    expect(wrapper.get('[data-testid="stack-trust-row-NM-A100-NEAR"]').text()).toContain('−4.2%')
    expect(a100Block.text()).not.toContain('TR-A100') // another stack
    expect(wrapper.get('[data-testid="stack-trust-my-box"]').text()).toContain('own figures')
    expect(harness.api.validationRun).toHaveBeenCalledWith({})
    wrapper.unmount()
  })

  it('fetches the validation once for every run page of the window', async () => {
    const pinia = createPinia()
    const first = mountDetail(5, pinia)
    await flushPromises()
    expect(first.get('[data-testid="stack-trust-dgx-a100"]').text()).toContain('−4.2%')
    first.unmount()
    const second = mountDetail(6, pinia)
    await flushPromises()
    expect(second.get('[data-testid="stack-trust-dgx-a100"]').text()).toContain('−4.2%')
    expect(harness.api.validationRun).toHaveBeenCalledTimes(1)
    second.unmount()
  })

  it('keeps the page and the stacks when the validation fails, with a quiet note', async () => {
    harness.api.validationRun.mockRejectedValue(new Error('measurements unreadable'))
    const wrapper = mountDetail(5)
    await flushPromises()
    expect(wrapper.get('[data-testid="stack-trust-unavailable"]').text()).toContain('measurements unreadable')
    expect(wrapper.get('[data-testid="stack-trust-dgx-a100"]').text()).toContain('NeMo 2023')
    expect(wrapper.find('[data-testid="stack-trust-row-NM-A100-NEAR"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="metrics-table"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('does not ask for the validation while the run has no result', async () => {
    harness.api.runsGet.mockResolvedValue(detail(7, null, { status: 'failed', error: 'boom' }))
    const wrapper = mountDetail(7)
    await flushPromises()
    expect(wrapper.find('[data-testid="stack-trust"]').exists()).toBe(false)
    expect(harness.api.validationRun).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
