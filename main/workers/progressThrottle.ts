/**
 * Passes progress on at most once per `intervalMs`, but always passes the end (1), so
 * listeners see steady updates without one message per simulated step.
 */
export function throttleProgress(
  emit: (fraction: number) => void,
  intervalMs: number,
  now: () => number,
): (fraction: number) => void {
  let last = -Infinity
  return (fraction) => {
    const time = now()
    if (fraction < 1 && time - last < intervalMs) return
    last = time
    emit(fraction)
  }
}
