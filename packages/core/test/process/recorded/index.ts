// The recorded flows, by the name of their fixture file (`<name>.json` beside this file).
import { scenarios as credit_evaluation } from "./credit-evaluation.scenarios.ts"
import { scenarios as credit_grade_change } from "./credit-grade-change.scenarios.ts"
import { scenarios as credit_limit_override } from "./credit-limit-override.scenarios.ts"
import { scenarios as credit_standard } from "./credit-standard.scenarios.ts"
import { scenarios as key_account_revisit } from "./key-account-revisit.scenarios.ts"
import { scenarios as quality_review } from "./quality-review.scenarios.ts"
import { scenarios as relationship_maintenance } from "./relationship-maintenance.scenarios.ts"
import { scenarios as satisfaction_survey } from "./satisfaction-survey.scenarios.ts"
import type { Scenario } from "./scenario.ts"
import { scenarios as service_request } from "./service-request.scenarios.ts"

/** Every flow whose stored events are kept as a fixture, with the paths recorded for it. */
export const recordedFlows: Readonly<Record<string, ReadonlyArray<Scenario>>> = {
  "credit-evaluation": credit_evaluation,
  "credit-grade-change": credit_grade_change,
  "credit-limit-override": credit_limit_override,
  "credit-standard": credit_standard,
  "key-account-revisit": key_account_revisit,
  "relationship-maintenance": relationship_maintenance,
  "quality-review": quality_review,
  "satisfaction-survey": satisfaction_survey,
  "service-request": service_request,
}
