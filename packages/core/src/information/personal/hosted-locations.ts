import { complaintPersonalLocations } from "./complaint-locations.ts"
import { informationPersonalLocations } from "./information-locations.ts"
import type { PersonalRecordLocation } from "./personal-locations.ts"

/**
 * Every hosted process's personal-data locations, listed per process, so the runtime's export and
 * erasure cover each flow whose events hold a natural person's data without naming any one.
 */
export const hostedPersonalLocations: ReadonlyArray<PersonalRecordLocation> = [
  ...informationPersonalLocations,
  ...complaintPersonalLocations,
]
