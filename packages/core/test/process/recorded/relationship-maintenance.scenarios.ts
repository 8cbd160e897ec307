// The paths of the relationship maintenance whose stored events must replay unchanged (see ./scenario.ts).
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

/** The recorded paths of the relationship maintenance. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "relationship maintenance", startOf(0), stampedCommand as never),
]
