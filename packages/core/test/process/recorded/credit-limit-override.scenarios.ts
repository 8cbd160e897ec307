// The paths of the credit-limit override whose stored events must replay unchanged (see ./scenario.ts).
import { flowLifecycles, stampedCommand, startOf } from "../../../../../bench/support/flow-lifecycles.ts"
import { lifecycleScenario, type Scenario } from "./scenario.ts"

/** The recorded paths of the credit-limit override. */
export const scenarios: ReadonlyArray<Scenario> = [
  lifecycleScenario(flowLifecycles, "credit-limit override", startOf(0), stampedCommand as never),
]
