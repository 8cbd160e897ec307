import { regularizedIncompleteBeta, regularizedUpperGamma } from "./special-functions.ts"

/** The standard normal distribution function Φ(z), through erfc(x) = Q(½, x²). */
export function normalCdf(z: number): number {
  if (z === 0) return 0.5
  const tail = 0.5 * regularizedUpperGamma(0.5, (z * z) / 2)
  return z > 0 ? 1 - tail : tail
}

/** Student's t distribution function with `degreesOfFreedom` (> 0) at t. */
export function studentTCdf(t: number, degreesOfFreedom: number): number {
  const tail =
    0.5 * regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/**
 * Inverts a continuous, increasing distribution function by bisection to full double precision:
 * slower than a rational approximation but with no table of magic constants to get wrong, and
 * the statistics here need only a handful of quantiles.
 */
function invert(cdf: (x: number) => number, probability: number, low: number, high: number): number {
  let lower = low
  let upper = high
  for (
    let iteration = 0;
    iteration < 200 && upper - lower > 1e-15 * Math.max(1, Math.abs(lower));
    iteration++
  ) {
    const middle = (lower + upper) / 2
    if (cdf(middle) < probability) lower = middle
    else upper = middle
  }
  return (lower + upper) / 2
}

/** The standard normal quantile Φ⁻¹(p), 0 < p < 1. */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1))
    throw new RangeError(`probability must be in (0, 1): ${probability}`)
  if (probability === 0.5) return 0
  if (probability < 0.5) return -normalQuantile(1 - probability)
  return invert(normalCdf, probability, 0, 40)
}

/** Student's t quantile with `degreesOfFreedom` (> 0), 0 < p < 1. */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability > 0 && probability < 1))
    throw new RangeError(`probability must be in (0, 1): ${probability}`)
  if (!(degreesOfFreedom > 0))
    throw new RangeError(`degrees of freedom must be positive: ${degreesOfFreedom}`)
  if (probability === 0.5) return 0
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom)
  let high = 10
  while (studentTCdf(high, degreesOfFreedom) < probability) high *= 10
  return invert((t) => studentTCdf(t, degreesOfFreedom), probability, 0, high)
}
