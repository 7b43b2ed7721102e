// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RunTagsEditor from '../../../../renderer/src/components/RunTagsEditor.vue'

function mountEditor(tags: string[] = ['paper', 'h100']) {
  return mount(RunTagsEditor, { props: { runId: 4, tags } })
}

async function type(wrapper: ReturnType<typeof mountEditor>, text: string): Promise<void> {
  const input = wrapper.get('[data-testid="tag-input-4"]')
  await input.setValue(text)
  await input.trigger('keydown', { key: 'Enter' })
}

describe('RunTagsEditor', () => {
  it('shows each tag as a chip with a labelled remove button', () => {
    const wrapper = mountEditor()
    expect(wrapper.findAll('.chip').map((chip) => chip.find('span').text())).toEqual(['paper', 'h100'])
    expect(wrapper.get('[data-testid="tag-remove-4-h100"]').attributes('aria-label')).toBe('Remove tag h100 from run 4')
    expect(wrapper.get('[data-testid="tag-input-4"]').attributes('aria-label')).toContain('Add a tag to run 4')
  })

  it('adds a trimmed tag with Enter, sending the whole set, and clears the input', async () => {
    const wrapper = mountEditor()
    await type(wrapper, '  sweep ')
    expect(wrapper.emitted('change')).toEqual([[['paper', 'h100', 'sweep']]])
    expect((wrapper.get('[data-testid="tag-input-4"]').element as HTMLInputElement).value).toBe('')
  })

  it('removes a tag with ×', async () => {
    const wrapper = mountEditor()
    await wrapper.get('[data-testid="tag-remove-4-paper"]').trigger('click')
    expect(wrapper.emitted('change')).toEqual([[['h100']]])
  })

  it.each([
    ['an empty tag', '   ', null],
    ['a tag it already has', 'paper', null],
    ['a tag with a comma', 'a,b', 'A tag may not contain a comma.'],
    ['a tag over 40 characters', 'x'.repeat(41), 'A tag has at most 40 characters.'],
  ])('sends nothing for %s', async (_case, text, problem) => {
    const wrapper = mountEditor()
    await type(wrapper, text)
    expect(wrapper.emitted('change')).toBeUndefined()
    if (problem) expect(wrapper.get('[role="alert"]').text()).toBe(problem)
    else expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('keeps Enter and clicks from reaching the row it sits in', async () => {
    const row = mount(
      {
        components: { RunTagsEditor },
        template: `<div @keydown="keys++" @click="clicks++"><RunTagsEditor :run-id="4" :tags="[]" /></div>`,
        data: () => ({ keys: 0, clicks: 0 }),
      },
      { attachTo: document.body },
    )
    const input = row.get('[data-testid="tag-input-4"]')
    await input.trigger('keydown', { key: 'Enter' })
    await input.trigger('click')
    expect(row.vm.$data).toMatchObject({ keys: 0, clicks: 0 })
    row.unmount()
  })
})
