import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { stringify } from 'safe-stable-stringify'
import { scenarioHash } from '../scenario/hash'
import type { Scenario } from '../scenario/schema'
import { SIMULATOR_VERSION } from '../version'
import type { GridAxis } from './expand'

/**
 * Identifies a sweep's grid: the scenario (by its hash, so labels do not count), the axes in
 * order with their values, the seeds per point and the simulator version. Shards of one sweep
 * share it; `memwall merge` refuses a shard whose hash differs.
 */
export function sweepHash(
  scenario: Scenario,
  axes: readonly GridAxis[],
  seeds: number,
  simulatorVersion: string = SIMULATOR_VERSION,
): string {
  const identity = { scenario: scenarioHash(scenario), axes, seeds, simulatorVersion }
  return bytesToHex(sha256(utf8ToBytes(stringify(identity) ?? '')))
}
