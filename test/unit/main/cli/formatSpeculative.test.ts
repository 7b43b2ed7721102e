import { describe, expect, it } from 'vitest'
import { formatRunDetail } from '../../../../main/cli/format'
import { detail, okSystem } from '../../renderer/fixtures'
import { speculativeSystem } from '../../contract/speculativeFixtures'

describe('memwall show of a speculative run', () => {
  it('prints the draft’s and the target’s share of time under the metrics', () => {
    const text = formatRunDetail(
      detail(7, [speculativeSystem('dgx-h100', 'DGX H100'), okSystem('dgx-a100', 'DGX A100', 1, 2)]),
    )
    const lines = text.split('\n')
    const caption = lines.findIndex((line) => line.startsWith('Speculative decoding:'))
    expect(caption).toBeGreaterThan(0)
    expect(lines[caption + 1]).toMatch(/^system\s+Draft\s+k, α\s+Tokens per target pass\s+Target passes/)
    expect(lines[caption + 2]).toMatch(
      /^dgx-h100\s+llama3\.1-8b\s+k = 4, α = 0\.8\s+3\.36\s+38\s+1\.000 s\s+3\.000 s\s+25\.0%\s+75\.0%$/,
    )
    expect(lines[caption + 3]).not.toMatch(/^dgx-a100/)
  })

  it('prints nothing of it for a run without speculative decoding, as for runs stored before it', () => {
    const text = formatRunDetail(detail(7, [okSystem('dgx-h100', 'DGX H100', 1, 2)]))
    expect(text).not.toMatch(/[Ss]peculative|Draft/)
  })
})
