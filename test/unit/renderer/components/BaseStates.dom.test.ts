// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseEmptyState from '../../../../renderer/src/components/BaseEmptyState.vue'
import BaseErrorNote from '../../../../renderer/src/components/BaseErrorNote.vue'
import BaseLoading from '../../../../renderer/src/components/BaseLoading.vue'

describe('empty, loading and error states', () => {
  it('BaseEmptyState says what is missing and what to do', () => {
    const wrapper = mount(BaseEmptyState, {
      props: { title: 'No runs yet', testId: 'runs-empty' },
      slots: { default: 'Start one from Scenarios.' },
    })
    expect(wrapper.get('[data-testid="runs-empty"] .title').text()).toBe('No runs yet')
    expect(wrapper.get('[data-testid="runs-empty"] .what-to-do').text()).toBe('Start one from Scenarios.')
  })

  it('BaseLoading is a polite status with its label', () => {
    const wrapper = mount(BaseLoading, { props: { label: 'Loading runs…' } })
    expect(wrapper.get('[role="status"]').text()).toBe('Loading runs…')
    expect(wrapper.get('[role="status"]').attributes('aria-live')).toBe('polite')
  })

  it('BaseErrorNote is an alert with the message, and retries on request', async () => {
    const wrapper = mount(BaseErrorNote, {
      props: { title: 'Could not load', message: 'scenario.workload.batch: too big', retryLabel: 'Try again' },
    })
    expect(wrapper.get('[role="alert"]').text()).toContain('Could not load: scenario.workload.batch: too big')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('BaseErrorNote has no button without a retry label', () => {
    const wrapper = mount(BaseErrorNote, { props: { message: 'failed' } })
    expect(wrapper.find('button').exists()).toBe(false)
  })
})
