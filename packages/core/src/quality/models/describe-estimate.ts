import type { Locale } from "../../labels/label.ts"
import { Verdict } from "../labels/quality-labels.ts"
import type { Comparison, Estimate } from "./estimate.ts"

/** How to print an estimate's numbers. */
export interface DescribeOptions {
  readonly locale: Locale
  /** `share` prints 0.82 as 82.0 %; `score` prints the number as it is. */
  readonly unit: "share" | "score"
  readonly decimals?: number
}

/**
 * An estimate in words, never a bare number: "82.0 % (95 % CI 74.1–88.2 %, n = 120)", with
 * "indicative only" when the sample is below the minimum, and for a comparison its verdict
 * ("not significant" when the interval contains 0).
 */
export function describeEstimate(estimate: Estimate | Comparison, options: DescribeOptions): string {
  const decimals = options.decimals ?? 1
  const scale = options.unit === "share" ? 100 : 1
  const suffix = options.unit === "share" ? " %" : ""
  const zh = options.locale === "zh-CN"
  if (estimate.value === null) return zh ? "无数据" : "no data"
  const number = (value: number) =>
    `${"verdict" in estimate && value > 0 ? "+" : ""}${(value * scale).toFixed(decimals)}`
  const level = `${Math.round(estimate.confidence * 100)} %`
  const interval =
    estimate.lower === null || estimate.upper === null
      ? zh
        ? "无法估计区间"
        : "no interval: too few answers"
      : `${zh ? `${level} 置信区间` : `${level} CI`} ${number(estimate.lower)}${suffix} – ${number(estimate.upper)}${suffix}`
  const notes = [interval, `n = ${estimate.sampleSize}`]
  if (!estimate.sufficientSample)
    notes.push(zh ? "样本不足，仅供参考" : "sample below the minimum, indicative only")
  else if ("verdict" in estimate) notes.push(Verdict.label(estimate.verdict, options.locale))
  return `${number(estimate.value)}${suffix} (${notes.join(zh ? "；" : "; ")})`
}
