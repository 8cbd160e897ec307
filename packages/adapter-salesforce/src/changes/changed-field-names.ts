import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import type { CatalogObject } from "../crm/field-catalog.ts"

/**
 * What the standard fields tixi follows are called in its change reports, the names the core's
 * complaint intake compares (`stage`, `priority`, `subject`, `description`), as the HubSpot adapter
 * names ticket properties. `Status`, `IsClosed` and tixi's stage field all move the case's stage.
 */
const standardNames: Readonly<Record<CatalogObject, Readonly<Record<string, string>>>> = {
  Case: {
    status: "stage",
    isclosed: "stage",
    tixi_stage__c: "stage",
    priority: "priority",
    subject: "subject",
    description: "description",
  },
  Account: { name: "name" },
  Contact: { firstname: "name", lastname: "name" },
}

/**
 * The changed fields of a Change Data Capture event in tixi's names: the standard fields above,
 * tixi's custom fields by their tixi name (`Tixi_Complaint_Urgency__c` → `complaint_urgency`), any
 * other field by its API name (tixi does not follow it). Each name once, in the event's order.
 */
export const changedFieldNames = (
  context: CrmContext,
  object: CatalogObject,
  apiNames: ReadonlyArray<string>,
) =>
  Effect.gen(function* () {
    if (apiNames.length === 0) return []
    const tixiNames = new Map(
      (yield* context.catalog.readable(object, "changeEvents")).map((field) => [
        field.apiName.toLowerCase(),
        field.tixiName,
      ]),
    )
    const names = apiNames.map((apiName) => {
      const lower = apiName.toLowerCase()
      return standardNames[object][lower] ?? tixiNames.get(lower) ?? apiName
    })
    return [...new Set(names)]
  })
