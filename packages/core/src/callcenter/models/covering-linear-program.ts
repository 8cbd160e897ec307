/**
 * A covering linear program: minimise Σ cost_j·x_j subject to Σ_{j covers i} x_j + u_i ≥ demand_i
 * for every row i, optional caps Σ_{j ∈ cap} x_j ≤ limit, x ≥ 0 and shortfalls u ≥ 0 priced at
 * `shortfallCost` per unit (so the program is always feasible; a positive u says the caps make the
 * demand impossible to cover).
 */
export interface CoveringProgram {
  /** Cost of one unit of each column (e.g. paid hours of a shift). Non-negative. */
  readonly costs: ReadonlyArray<number>
  /** The rows each column covers once (e.g. the intervals a shift works). */
  readonly columnRows: ReadonlyArray<ReadonlyArray<number>>
  /** The demand of each row (e.g. agents required in an interval). Non-negative. */
  readonly demands: ReadonlyArray<number>
  /** Upper limits on sums of columns (e.g. at most 40 part-timers). */
  readonly caps: ReadonlyArray<{ readonly columns: ReadonlyArray<number>; readonly limit: number }>
  /** Price of one unit of uncovered demand; far above any column's cost. */
  readonly shortfallCost: number
}

/** The optimum of the relaxation (x may be fractional). */
export interface CoveringSolution {
  /** "optimal", or "iterationLimit" when the pivot budget ran out before every row was covered. */
  readonly status: "optimal" | "iterationLimit"
  /**
   * The optimum; on "iterationLimit" still a valid lower bound on it, because every dual-simplex
   * basis is dual feasible and its value is a dual objective (weak duality).
   */
  readonly objective: number
  readonly columns: Float64Array
  readonly shortfall: Float64Array
  readonly pivots: number
}

const tolerance = 1e-9
/**
 * Staffing programs have many columns of equal cost (every 8-hour shift costs 8), which makes the
 * dual simplex degenerate: it pivots with zero step for thousands of iterations. Raising each
 * cost by a distinct relative amount below 10⁻⁶ breaks the ties; the optimum moves by less than
 * that factor, which the reported bound accounts for.
 */
const perturbation = 1e-6
/** A fixed, well-spread value in [0, 1) per column (Weyl sequence of the golden ratio). */
const spread = (column: number) => ((column + 1) * 0.6180339887498949) % 1

/**
 * Solves the covering program's linear relaxation exactly with the dual simplex method on a
 * dense tableau. The covering form makes the start free: with x = 0 the surplus slacks are a
 * basis whose reduced costs are the (non-negative) costs, i.e. dual feasible, so no phase one is
 * needed; each pivot removes the most violated row (Dantzig's rule) and enters the column with
 * the smallest ratio of reduced cost (smallest index on ties, which with the iteration budget
 * guards against cycling). Sized for staffing: ~100 rows and a few thousand columns.
 */
export function solveCoveringRelaxation(program: CoveringProgram): CoveringSolution {
  const demandRows = program.demands.length
  const rows = demandRows + program.caps.length
  const structural = program.costs.length
  const shortfallStart = structural
  const slackStart = structural + demandRows
  const width = slackStart + rows
  const tableau = new Float64Array(rows * width)
  const rightHandSide = new Float64Array(rows)
  const reducedCosts = new Float64Array(width)
  const basis = new Int32Array(rows)

  for (let column = 0; column < structural; column++) {
    reducedCosts[column] = program.costs[column]! * (1 + perturbation * spread(column))
    for (const row of program.columnRows[column]!) tableau[row * width + column] = -1
  }
  for (let row = 0; row < demandRows; row++) {
    tableau[row * width + shortfallStart + row] = -1
    reducedCosts[shortfallStart + row] = program.shortfallCost
    tableau[row * width + slackStart + row] = 1
    rightHandSide[row] = -program.demands[row]!
    basis[row] = slackStart + row
  }
  program.caps.forEach((cap, index) => {
    const row = demandRows + index
    for (const column of cap.columns) tableau[row * width + column] = 1
    tableau[row * width + slackStart + row] = 1
    rightHandSide[row] = cap.limit
    basis[row] = slackStart + row
  })

  let pivots = 0
  const budget = 50 * (rows + width)
  let status: CoveringSolution["status"] = "optimal"
  for (;;) {
    let leaving = -1
    let mostNegative = -tolerance
    for (let row = 0; row < rows; row++) {
      if (rightHandSide[row]! < mostNegative) {
        mostNegative = rightHandSide[row]!
        leaving = row
      }
    }
    if (leaving < 0) break
    if (pivots >= budget) {
      status = "iterationLimit"
      break
    }
    const leavingOffset = leaving * width
    let entering = -1
    let bestRatio = Number.POSITIVE_INFINITY
    for (let column = 0; column < width; column++) {
      const entry = tableau[leavingOffset + column]!
      if (entry < -tolerance) {
        const ratio = reducedCosts[column]! / -entry
        if (ratio < bestRatio - tolerance) {
          bestRatio = ratio
          entering = column
        }
      }
    }
    // The shortfall columns keep every row coverable, so a violated row always has an entering column.
    if (entering < 0) throw new Error("covering program has a row nothing can cover")
    pivot(tableau, rightHandSide, reducedCosts, rows, width, leaving, entering)
    basis[leaving] = entering
    pivots += 1
  }
  const columns = new Float64Array(structural)
  const shortfall = new Float64Array(demandRows)
  let perturbedObjective = 0
  for (let row = 0; row < rows; row++) {
    const variable = basis[row]!
    const value = rightHandSide[row]!
    if (variable < structural) {
      columns[variable] = Math.max(0, value)
      perturbedObjective += value * program.costs[variable]! * (1 + perturbation * spread(variable))
    } else if (variable < slackStart) {
      shortfall[variable - shortfallStart] = Math.max(0, value)
      perturbedObjective += value * program.shortfallCost
    }
  }
  // The perturbed costs are at most (1 + perturbation) times the true ones, so this stays a lower bound.
  const objective = perturbedObjective / (1 + perturbation)
  return { status, objective, columns, shortfall, pivots }
}

function pivot(
  tableau: Float64Array,
  rightHandSide: Float64Array,
  reducedCosts: Float64Array,
  rows: number,
  width: number,
  pivotRow: number,
  pivotColumn: number,
): void {
  const pivotOffset = pivotRow * width
  const element = tableau[pivotOffset + pivotColumn]!
  for (let column = 0; column < width; column++) tableau[pivotOffset + column]! /= element
  rightHandSide[pivotRow]! /= element
  for (let row = 0; row < rows; row++) {
    if (row === pivotRow) continue
    const offset = row * width
    const factor = tableau[offset + pivotColumn]!
    if (factor === 0) continue
    for (let column = 0; column < width; column++) {
      const value = tableau[pivotOffset + column]!
      if (value !== 0) tableau[offset + column]! -= factor * value
    }
    rightHandSide[row]! -= factor * rightHandSide[pivotRow]!
  }
  const costFactor = reducedCosts[pivotColumn]!
  if (costFactor !== 0) {
    for (let column = 0; column < width; column++) {
      const value = tableau[pivotOffset + column]!
      if (value !== 0) reducedCosts[column]! -= costFactor * value
    }
  }
}
