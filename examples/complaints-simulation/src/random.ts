/**
 * A seeded pseudo-random generator (sfc32, Chris Doty-Humphrey's Small Fast Counter), so the
 * simulation draws the same numbers, and prints the same tables, on every run and machine.
 */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed >>> 0
    for (let index = 0; index < 15; index++) this.next()
  }

  /** A number in [0, 1). */
  next(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One of the values, uniformly. */
  pick<T>(values: ReadonlyArray<T>): T {
    return values[Math.floor(this.next() * values.length)]!
  }

  /** One of the keys, with probability proportional to its weight (keys left out never come). */
  weighted<Key extends string>(weights: Readonly<Partial<Record<Key, number>>>): Key {
    const entries = Object.entries(weights) as Array<[Key, number]>
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.next() * total
    for (const [key, weight] of entries) {
      roll -= weight
      if (roll < 0) return key
    }
    return entries[entries.length - 1]![0]
  }

  /** A log-normally distributed amount around `median`, with spread `sigma` (heavy right tail). */
  logNormal(median: number, sigma: number): number {
    // Box–Muller from two uniform draws.
    const u = Math.max(this.next(), Number.EPSILON)
    const v = this.next()
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    return median * Math.exp(sigma * normal)
  }

  /** A normally distributed number (Box–Muller), for answers that scatter around a mean. */
  normal(mean: number, deviation: number): number {
    const u = Math.max(this.next(), Number.EPSILON)
    const v = this.next()
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /**
   * A Poisson count around `mean`: Knuth's product of uniforms for the few dozen an interval
   * holds, a rounded normal beyond 40 where the product would take too many draws.
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0
    if (mean > 40) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))))
    const limit = Math.exp(-mean)
    let count = 0
    let product = this.next()
    while (product > limit) {
      count += 1
      product *= this.next()
    }
    return count
  }

  /** An integer uniformly between `min` and `max`, skewed towards `min` by `power` (>1). */
  skewed(min: number, max: number, power: number): number {
    return min + Math.floor(this.next() ** power * (max - min + 1))
  }
}
