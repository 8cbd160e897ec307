/**
 * ISO 4217 minor-unit digits of the currencies tixi's users trade in. A company may use another
 * code by passing its digits to `defineCurrency`; tixi never guesses them.
 */
const knownDigits: Record<string, number> = {
  CNY: 2,
  HKD: 2,
  MOP: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  INR: 2,
  IDR: 2,
  VND: 0,
  JPY: 0,
  KRW: 0,
  RUB: 2,
  AED: 2,
  SAR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
}

/** An ISO 4217 currency code, e.g. `CNY`. */
export type CurrencyCode = string

/** Registers the minor-unit digits of a currency not in tixi's table. */
export function defineCurrency(code: CurrencyCode, digits: number): void {
  if (!/^[A-Z]{3}$/.test(code)) throw new TypeError(`currency code must be three capital letters: ${code}`)
  if (!Number.isInteger(digits) || digits < 0 || digits > 4)
    throw new RangeError(`minor digits 0–4: ${digits}`)
  knownDigits[code] = digits
}

/** Whether tixi knows the currency's minor-unit digits. */
export const isKnownCurrency = (code: string): boolean => Object.hasOwn(knownDigits, code)

/** The number of minor-unit digits of a currency (2 for CNY fen, 0 for JPY). */
export function minorDigits(code: CurrencyCode): number {
  const digits = knownDigits[code]
  if (digits === undefined) throw new TypeError(`unknown currency ${code}; register it with defineCurrency`)
  return digits
}
