// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import BaseUndoBanner from '../../../../renderer/src/components/BaseUndoBanner.vue'

describe('BaseUndoBanner', () => {
  afterEach(() => vi.useRealTimers())

  it('offers Undo as a status message and expires after 10 seconds', async () => {
    vi.useFakeTimers()
    const wrapper = mount(BaseUndoBanner, { props: { message: 'Deleted 3 runs' } })
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Deleted 3 runs\s*—\s*Undo$/)
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    expect(wrapper.emitted('undo')).toHaveLength(1)
    vi.advanceTimersByTime(9_999)
    expect(wrapper.emitted('expire')).toBeUndefined()
    vi.advanceTimersByTime(1)
    expect(wrapper.emitted('expire')).toHaveLength(1)
  })

  it('stops its timer when it leaves the page', () => {
    vi.useFakeTimers()
    const onExpire = vi.fn()
    const wrapper = mount(BaseUndoBanner, { props: { message: 'Deleted 1 run', timeoutMs: 100, onExpire } })
    wrapper.unmount()
    vi.advanceTimersByTime(200)
    expect(onExpire).not.toHaveBeenCalled()
  })
})
