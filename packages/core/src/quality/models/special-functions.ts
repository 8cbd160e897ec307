/**
 * ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine coefficients; Lanczos 1964, the
 * coefficients as tabulated by Godfrey), accurate to about 15 significant digits; the reflection
 * formula is not needed because the statistics here only ask for positive arguments.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0: ${x}`)
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const shifted = x - 1
  let sum = lanczos[0]!
  for (let index = 1; index < lanczos.length; index++) sum += lanczos[index]! / (shifted + index)
  const t = shifted + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum)
}

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

/**
 * The regularised incomplete beta function I_x(a, b), by its continued fraction evaluated with
 * the modified Lentz method, using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) on the side where the
 * fraction converges fast (x above (a+1)/(a+b+2)).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`incomplete beta needs a, b > 0: ${a}, ${b}`)
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x))
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b
}

const tiny = 1e-300

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let result = d
  for (let m = 1; m <= 1000; m++) {
    const twoM = 2 * m
    const even = (m * (b - m) * x) / ((a + twoM - 1) * (a + twoM))
    d = 1 + even * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + even / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    result *= d * c
    const odd = (-(a + m) * (a + b + m) * x) / ((a + twoM) * (a + twoM + 1))
    d = 1 + odd * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + odd / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const step = d * c
    result *= step
    if (Math.abs(step - 1) < 1e-15) break
  }
  return result
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a): by its series below
 * x = a + 1 and its continued fraction above, as in every numerical library.
 */
export function regularizedUpperGamma(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError(`incomplete gamma needs a > 0: ${a}`)
  if (x <= 0) return 1
  const logFront = a * Math.log(x) - x - logGamma(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break
    }
    return 1 - sum * Math.exp(logFront)
  }
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let result = d
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const step = d * c
    result *= step
    if (Math.abs(step - 1) < 1e-16) break
  }
  return Math.exp(logFront) * result
}
