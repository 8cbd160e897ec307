import { ServiceTier } from "../labels/service-tier.ts"
import type { GradingPolicy } from "../policy/grading-policy.ts"

/**
 * A grading policy reduced to the numbers the rules compare with: percentages as whole basis
 * points (so cut-offs compare exactly with integer money), scales as offset and span, grades and
 * tiers as codes. Compiled once per run; every rule below reads it, whether it grades one
 * customer or a million.
 */
export interface CompiledGradingPolicy {
  readonly policy: GradingPolicy
  readonly abcOnRevenue: boolean
  readonly classABasisPoints: number
  readonly classBBasisPoints: number
  readonly crossingUpper: boolean
  readonly bandsByShareOfWallet: boolean
  /** Lower bounds of bands A, B, C, D in basis points. */
  readonly bandLowerBasisPoints: readonly [number, number, number, number]
  readonly weightGrowth: number
  readonly weightCredit: number
  readonly weightMargin: number
  readonly growthZeroPercent: number
  readonly growthSpanPercent: number
  readonly marginZeroPercent: number
  readonly marginSpanPercent: number
  readonly newCustomerGrowthScore: number
  readonly unscoredCreditScore: number
  /** Lower bounds of grades AAA, AA, A. */
  readonly gradeLowerBounds: readonly [number, number, number]
  /** The service tier code (index in `ServiceTier.values`) of each grade code. */
  readonly tierOfGradeCode: readonly [number, number, number, number]
}

const basisPoints = (percent: number): number => Math.round(percent * 100)

/** Compiles a (validated) grading policy. */
export function compileGradingPolicy(policy: GradingPolicy): CompiledGradingPolicy {
  const bands = policy.salesBands.lowerBoundsPercent
  const composite = policy.composite
  const tiers = policy.serviceTiers.tierOfGrade
  const tierCode = (tier: ServiceTier) => ServiceTier.values.indexOf(tier)
  return {
    policy,
    abcOnRevenue: policy.abc.basis === "revenue",
    classABasisPoints: basisPoints(policy.abc.classAUpToPercent),
    classBBasisPoints: basisPoints(policy.abc.classBUpToPercent),
    crossingUpper: policy.abc.crossing === "upper",
    bandsByShareOfWallet: policy.salesBands.measure === "shareOfWallet",
    bandLowerBasisPoints: [
      basisPoints(bands.A),
      basisPoints(bands.B),
      basisPoints(bands.C),
      basisPoints(bands.D),
    ],
    weightGrowth: composite.weights.growth,
    weightCredit: composite.weights.credit,
    weightMargin: composite.weights.margin,
    growthZeroPercent: composite.growth.zeroAtPercent,
    growthSpanPercent: composite.growth.fullAtPercent - composite.growth.zeroAtPercent,
    marginZeroPercent: composite.margin.zeroAtPercent,
    marginSpanPercent: composite.margin.fullAtPercent - composite.margin.zeroAtPercent,
    newCustomerGrowthScore: composite.newCustomerGrowthScore,
    unscoredCreditScore: composite.unscoredCreditScore,
    gradeLowerBounds: [
      composite.gradeLowerBounds.AAA,
      composite.gradeLowerBounds.AA,
      composite.gradeLowerBounds.A,
    ],
    tierOfGradeCode: [tierCode(tiers.AAA), tierCode(tiers.AA), tierCode(tiers.A), tierCode(tiers.B)],
  }
}
