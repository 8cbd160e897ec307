// The paths of the call-centre service request whose stored events must replay unchanged (see ./scenario.ts).
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

/** The recorded paths of the call-centre service request. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "call-centre service request", startOf(0), stampedCommand as never),
]
