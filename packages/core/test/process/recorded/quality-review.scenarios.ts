// The paths of the quality review whose stored events must replay unchanged (see ./scenario.ts).
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

/** The recorded paths of the quality review. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "quality review", startOf(0), stampedCommand as never),
]
