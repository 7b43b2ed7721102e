import { describe, expect, it } from 'vitest'
import { parseTrace } from '../../../../../main/sim/scenario/trace'

describe('parseTrace', () => {
  it('reads CSV with columns in any order, an optional expert and blank lines', () => {
    const text = 'outputTokens,time,expert,promptTokens\n20,0,3,100\n\n5,0.5,,7\r\n8,0.5,0,9\n'
    expect(parseTrace(text, 'csv').arrivals).toEqual([
      { time: 0, promptTokens: 100, outputTokens: 20, expert: 3 },
      { time: 0.5, promptTokens: 7, outputTokens: 5 },
      { time: 0.5, promptTokens: 9, outputTokens: 8, expert: 0 },
    ])
  })

  it('reads CSV without an expert column', () => {
    const { arrivals } = parseTrace('time,promptTokens,outputTokens\n1.25,4,2', 'csv')
    expect(arrivals).toEqual([{ time: 1.25, promptTokens: 4, outputTokens: 2 }])
  })

  it('reads JSONL', () => {
    const text = [
      '{"time": 0, "promptTokens": 10, "outputTokens": 1}',
      '',
      '{"time": 2, "expert": 1, "promptTokens": 3, "outputTokens": 4}',
    ].join('\n')
    expect(parseTrace(text, 'jsonl').arrivals).toEqual([
      { time: 0, promptTokens: 10, outputTokens: 1 },
      { time: 2, promptTokens: 3, outputTokens: 4, expert: 1 },
    ])
  })

  const header = 'time,expert,promptTokens,outputTokens'
  it.each([
    [`${header}\n0,0,abc,1`, 'line 2: promptTokens: expected an integer >= 1, got "abc"'],
    [`${header}\n0,0,1,1\n0,0,1,0`, 'line 3: outputTokens: expected an integer >= 1, got "0"'],
    [`${header}\n0,-1,1,1`, 'line 2: expert: expected an integer >= 0, got "-1"'],
    [`${header}\n0,1.5,1,1`, 'line 2: expert: expected an integer >= 0, got "1.5"'],
    [`${header}\n2,0,1,1\n1,0,1,1`, 'line 3: time: goes backwards, 1 after 2'],
    [`${header}\nx,0,1,1`, 'line 2: time: expected a number of seconds >= 0, got "x"'],
    [`${header}\n,0,1,1`, 'line 2: time: missing'],
    [`${header}\n0,0,1`, 'line 2: expected 4 fields, got 3'],
    ['time,promptTokens\n0,1', 'line 1: outputTokens: missing column'],
    ['time,prompt_tokens,outputTokens\n0,1,1', 'line 1: prompt_tokens: unknown field'],
    ['time,time,promptTokens,outputTokens\n0,0,1,1', 'line 1: time: column named twice'],
    ['', 'line 1: expected a header row'],
    [header, 'trace: no arrivals'],
  ])('rejects CSV %j', (text, message) => {
    expect(() => parseTrace(text, 'csv')).toThrow(message)
  })

  it.each([
    ['{"time": 0, "promptTokens": 1}', 'line 1: outputTokens: missing'],
    ['{"time": 0, "promptTokens": 1, "outputTokens": 1}\n{"time": 1', 'line 2: not valid JSON'],
    ['[1, 2]', 'line 1: expected a JSON object'],
    ['{"time": 0, "promptTokens": 2.5, "outputTokens": 1}', 'line 1: promptTokens: expected an integer >= 1, got 2.5'],
    ['{"time": 0, "promptTokens": 1, "outputTokens": 1, "model": "x"}', 'line 1: model: unknown field'],
    [
      '{"time": 5, "promptTokens": 1, "outputTokens": 1}\n{"time": 4, "promptTokens": 1, "outputTokens": 1}',
      'line 2: time: goes backwards',
    ],
  ])('rejects JSONL %j', (text, message) => {
    expect(() => parseTrace(text, 'jsonl')).toThrow(message)
  })

  it.each([
    ['a CSV file', 'csv' as const, 'time,promptTokens,outputTokens\n0.5,4,2\n'],
    ['a JSONL file', 'jsonl' as const, '{"time": 0.5, "promptTokens": 4, "outputTokens": 2}\n'],
  ])('reads %s that starts with a UTF-8 byte-order mark', (_label, format, text) => {
    // Excel's "CSV UTF-8" writes one; it used to make the header's first field unknown.
    expect(parseTrace(`\uFEFF${text}`, format).arrivals).toEqual([{ time: 0.5, promptTokens: 4, outputTokens: 2 }])
  })

  it('reads decimals with a sign, a point or an exponent', () => {
    const { arrivals } = parseTrace(`${header}\n1e-3,+2,1E2,.5e1\n0.25,0,10,5.`, 'csv')
    expect(arrivals).toEqual([
      { time: 0.001, expert: 2, promptTokens: 100, outputTokens: 5 },
      { time: 0.25, expert: 0, promptTokens: 10, outputTokens: 5 },
    ])
  })

  it.each([
    // Number() reads all of these: a hex cell was taken for 16.
    [`${header}\n0x10,0,1,1`, 'line 2: time: expected a number of seconds >= 0, got "0x10" (not a decimal number)'],
    [`${header}\n0,0,0x10,1`, 'line 2: promptTokens: expected an integer >= 1, got "0x10" (not a decimal number)'],
    [`${header}\n0,0,1,0b11`, 'line 2: outputTokens: expected an integer >= 1, got "0b11" (not a decimal number)'],
    [`${header}\n0,0o7,1,1`, 'line 2: expert: expected an integer >= 0, got "0o7" (not a decimal number)'],
    [`${header}\nInfinity,0,1,1`, 'line 2: time: expected a number of seconds >= 0, got "Infinity" (not a decimal'],
    [`${header}\n0,0,1_000,1`, 'line 2: promptTokens: expected an integer >= 1, got "1_000" (not a decimal number)'],
  ])('refuses a cell that is not a decimal number, naming the line and column: %j', (text, message) => {
    expect(() => parseTrace(text, 'csv')).toThrow(message)
  })

  it('refuses a hex string in JSONL too', () => {
    expect(() => parseTrace('{"time": "0x10", "promptTokens": 1, "outputTokens": 1}', 'jsonl')).toThrow(
      'line 1: time: expected a number of seconds >= 0, got "0x10" (not a decimal number)',
    )
  })
})
