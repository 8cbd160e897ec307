import type { AuthorityPolicy } from "../roles/authority.ts"
import { chartAuthorityPolicy } from "./chart-authority.ts"
import type { Organisation } from "./organisation-chart.ts"

/** Any module policy that decides by authority: complaints, credit and approval policies carry one. */
export interface PolicyWithAuthority {
  readonly version: string
  readonly authority: AuthorityPolicy
}

/**
 * A module policy whose authority follows the company's chart (`chartAuthorityPolicy`): the one
 * way to make a hosted process decide 权责内 by the same table the organisation answers from. The
 * embedder applies it where it builds the process's policy, so what a flow runs under stays
 * visible in `tixi.config.ts`; the runtime never rewrites a definition it was given. The policy's
 * `version` gains the chart's (`handbook-2026.1+acme-1`), since an instance records the version it
 * ran under and a changed chart is a changed policy.
 */
export function withChartAuthority<P extends PolicyWithAuthority>(chart: Organisation, policy: P): P {
  return {
    ...policy,
    version: `${policy.version}+${chart.version}`,
    authority: chartAuthorityPolicy(chart, policy.authority),
  }
}
