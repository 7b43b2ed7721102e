/**
 * Bumped whenever a change to the model can change a result. Replaying a stored run compares
 * against this, so a result only reproduces under the same version.
 */
// 0.3.0: the serving simulation draws lengths with both halves of Box–Muller and routes through
// an alias table, so serving results of the same seed differ from 0.2.0's.
// 0.4.0: systems are silicon plus a software stack (main/sim/stacks/); the MI300X runs vLLM on
// ROCm's own figures instead of the H100's NeMo ones, and the refit of NeMo on the measurement
// rows moves the DGX and SN40L figures in their fourth significant digit, so results differ from
// 0.3.0's. test/unit/main/sim/versionPin.test.ts pins every stack figure to this version.
// 0.5.0: collectives by algorithm (NCCL's protocols on GPUs, halving-doubling on the SN40L's P2P
// links) with a per-call latency per stack; kernels with a ramp and partial compute/memory overlap;
// GPU kernel efficiencies measured kernel by kernel and stacks refitted on per-pass and collective
// costs; attention at its own rate; achievable PCIe copy rates; precisions. Results differ from 0.4.0's.
export const SIMULATOR_VERSION = '0.5.0'
