// The paths of the credit grade change whose stored events must replay unchanged (see ./scenario.ts).
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

/** The recorded paths of the credit grade change. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "credit grade change", startOf(0), stampedCommand as never),
]
