/** Rounds half away from zero, like Polar's `polar_round` (Python's `round` would round half to even). */
export function polarRound(value: number): number {
  return value >= 0 ? Math.floor(value + 0.5) : -Math.floor(-value + 0.5);
}
