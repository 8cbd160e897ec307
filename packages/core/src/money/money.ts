import { type CurrencyCode, isKnownCurrency, minorDigits } from "./currency.ts"

/**
 * An amount of money in integer minor units (fen for CNY), never a floating-point number, so
 * sums, limits and exposure checks are exact. Amounts stay within JavaScript's safe integers
 * (±9 × 10¹⁵ minor units, ±90 trillion yuan); arithmetic beyond that throws instead of rounding.
 */
export interface Money {
  readonly minor: number
  readonly currency: CurrencyCode
}

/** Two amounts in different currencies were combined; convert first. */
export class CurrencyMismatch extends TypeError {
  readonly left: CurrencyCode
  readonly right: CurrencyCode
  constructor(left: CurrencyCode, right: CurrencyCode) {
    super(`cannot combine ${left} with ${right}`)
    this.name = "CurrencyMismatch"
    this.left = left
    this.right = right
  }
}

function checked(minor: number): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money out of the safe integer range: ${minor}`)
  return minor
}

/** An amount from its minor units, e.g. `ofMinor(12345, "CNY")` is ¥123.45. */
export function ofMinor(minor: number, currency: CurrencyCode): Money {
  if (!isKnownCurrency(currency)) throw new TypeError(`unknown currency ${currency}`)
  return { minor: checked(minor), currency }
}

/** Zero in a currency. */
export const zero = (currency: CurrencyCode): Money => ofMinor(0, currency)

const majorPattern = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/

/**
 * Parses a decimal amount in major units exactly, e.g. `"1,234.56"` CNY is 123456 fen. Returns
 * undefined when the text is not a number or has more decimals than the currency has minor digits.
 */
export function parseMajor(text: string, currency: CurrencyCode): Money | undefined {
  const match = majorPattern.exec(text.trim())
  if (!match || !isKnownCurrency(currency)) return undefined
  const digits = minorDigits(currency)
  const fraction = match[3] ?? ""
  if (fraction.length > digits) return undefined
  const whole = match[2]!.replaceAll(",", "")
  const minor = Number(whole + fraction.padEnd(digits, "0"))
  if (!Number.isSafeInteger(minor)) return undefined
  return { minor: match[1] === "-" && minor !== 0 ? -minor : minor, currency }
}

/** Parses like `parseMajor` but throws on bad input; for literals in code and tests. */
export function ofMajor(text: string, currency: CurrencyCode): Money {
  const parsed = parseMajor(text, currency)
  if (!parsed) throw new TypeError(`not an amount of ${currency}: ${text}`)
  return parsed
}

/** The amount as an exact decimal string in major units, e.g. `"1234.56"`. */
export function toMajorString(money: Money): string {
  const digits = minorDigits(money.currency)
  const sign = money.minor < 0 ? "-" : ""
  const absolute = String(Math.abs(money.minor))
  if (digits === 0) return sign + absolute
  const padded = absolute.padStart(digits + 1, "0")
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`
}

function same(left: Money, right: Money): void {
  if (left.currency !== right.currency) throw new CurrencyMismatch(left.currency, right.currency)
}

/** left + right, in the same currency. */
export function add(left: Money, right: Money): Money {
  same(left, right)
  return { minor: checked(left.minor + right.minor), currency: left.currency }
}

/** left − right, in the same currency. */
export function subtract(left: Money, right: Money): Money {
  same(left, right)
  return { minor: checked(left.minor - right.minor), currency: left.currency }
}

/** The sum of amounts in one currency; zero of `currency` for an empty list. */
export function sum(amounts: Iterable<Money>, currency: CurrencyCode): Money {
  let total = 0
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new CurrencyMismatch(currency, amount.currency)
    total = checked(total + amount.minor)
  }
  return { minor: total, currency }
}

/** −1, 0 or 1 as left is less than, equal to or greater than right. */
export function compare(left: Money, right: Money): -1 | 0 | 1 {
  same(left, right)
  return left.minor < right.minor ? -1 : left.minor > right.minor ? 1 : 0
}

/** Whether left > right. */
export const greaterThan = (left: Money, right: Money): boolean => compare(left, right) === 1

/** Whether left ≤ right. */
export const atMost = (left: Money, right: Money): boolean => compare(left, right) !== 1

/** Whether two amounts are equal (same currency and minor units). */
export const equals = (left: Money, right: Money): boolean =>
  left.currency === right.currency && left.minor === right.minor

/** Whether the amount is negative. */
export const isNegative = (money: Money): boolean => money.minor < 0

/** The larger of two amounts. */
export const max = (left: Money, right: Money): Money => (compare(left, right) >= 0 ? left : right)

/** How to round a result that falls between two minor units. */
export type Rounding = "halfEven" | "halfUp" | "down" | "up"

/**
 * amount × numerator ÷ denominator, rounded once at the end. Used for percentages (pass basis
 * points over 10,000) and ratios; the intermediate product is exact in BigInt.
 */
export function scale(
  money: Money,
  numerator: number,
  denominator: number,
  rounding: Rounding = "halfEven",
): Money {
  return { minor: scaleMinor(money.minor, numerator, denominator, rounding), currency: money.currency }
}

/**
 * `scale` on bare minor units, for code that keeps amounts in columns (a million customers'
 * limits in a Float64Array) and cannot allocate an object per amount. Exact: when the product
 * fits in a safe integer the division is done on the product minus its remainder (an exact
 * multiple), otherwise in BigInt; both give the same result.
 */
export function scaleMinor(
  minor: number,
  numerator: number,
  denominator: number,
  rounding: Rounding = "halfEven",
): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`scale needs safe integers and a non-zero denominator: ${numerator}/${denominator}`)
  }
  checked(minor)
  const product = minor * numerator
  if (Number.isSafeInteger(product)) {
    const remainder = product % denominator
    const quotient = (product - remainder) / denominator
    if (remainder === 0) return quotient === 0 ? 0 : quotient
    const negative = product < 0 !== denominator < 0
    const twice = Math.abs(remainder) * 2
    const absoluteDivisor = Math.abs(denominator)
    const away =
      rounding === "up" ||
      (rounding === "halfUp" && twice >= absoluteDivisor) ||
      (rounding === "halfEven" &&
        (twice > absoluteDivisor || (twice === absoluteDivisor && quotient % 2 !== 0)))
    const rounded = away ? quotient + (negative ? -1 : 1) : quotient
    return rounded === 0 ? 0 : rounded
  }
  return scaleMinorExactly(minor, numerator, denominator, rounding)
}

function scaleMinorExactly(
  minor: number,
  numerator: number,
  denominator: number,
  rounding: Rounding,
): number {
  const product = BigInt(minor) * BigInt(numerator)
  const divisor = BigInt(denominator)
  let quotient = product / divisor
  const remainder = product % divisor
  if (remainder !== 0n) {
    const negative = product < 0n !== divisor < 0n
    const twice = (remainder < 0n ? -remainder : remainder) * 2n
    const absoluteDivisor = divisor < 0n ? -divisor : divisor
    const away =
      rounding === "up" ||
      (rounding === "halfUp" && twice >= absoluteDivisor) ||
      (rounding === "halfEven" &&
        (twice > absoluteDivisor || (twice === absoluteDivisor && quotient % 2n !== 0n)))
    if (away) quotient += negative ? -1n : 1n
  }
  return checked(Number(quotient))
}

/**
 * Splits an amount by integer weights so that the parts add up to the amount exactly (largest
 * remainder method), e.g. a loss apportioned to departments by their responsibility percentages.
 */
export function allocate(money: Money, weights: ReadonlyArray<number>): Array<Money> {
  const total = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0 || total <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError("allocate needs non-negative integer weights with a positive sum")
  }
  const amount = BigInt(money.minor)
  const sign = amount < 0n ? -1n : 1n
  const absolute = amount * sign
  const bigTotal = BigInt(total)
  const shares = weights.map((weight) => (absolute * BigInt(weight)) / bigTotal)
  const remainders = weights.map((weight, index) => ({ index, rest: (absolute * BigInt(weight)) % bigTotal }))
  let left = absolute - shares.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1))
  for (const { index } of remainders) {
    if (left === 0n) break
    shares[index]! += 1n
    left -= 1n
  }
  return shares.map((share) => ({ minor: Number(share * sign), currency: money.currency }))
}

// Building an Intl.NumberFormat costs far more than using one; reports format thousands of amounts.
const formatters = new Map<string, Intl.NumberFormat>()

/** The amount as the locale writes it, e.g. `¥1,234.56` (zh-CN) or `CN¥1,234.56` (en). */
export function format(money: Money, locale: "zh-CN" | "en" = "zh-CN"): string {
  const cacheKey = `${locale}|${money.currency}`
  let formatter = formatters.get(cacheKey)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", {
      style: "currency",
      currency: money.currency,
      minimumFractionDigits: minorDigits(money.currency),
    })
    formatters.set(cacheKey, formatter)
  }
  // Intl formats decimal strings exactly, so no float ever touches the amount.
  return formatter.format(toMajorString(money) as unknown as number)
}
