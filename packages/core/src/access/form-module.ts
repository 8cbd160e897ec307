import { AccessModule } from "./access-module.ts"

/** The prefixes of form ids that are not a module's own name. */
const modulesByPrefix: Readonly<Record<string, AccessModule>> = {
  complaint: "complaints",
  accounts: "keyAccounts",
  callcenter: "callCentre",
  // 002 ch.2 客户服务管理规划 plans the service organisation's own work.
  planning: "organisation",
}

/**
 * The module a form belongs to, from the first part of its id (`credit.analysis` → credit,
 * `complaint.registration` → complaints). Approval forms (`approval.*`) serve several modules and
 * name theirs; an id whose prefix is no module belongs to the service organisation, whose default
 * level (内部) still keeps it from the public.
 */
export function moduleOfFormId(id: string): AccessModule {
  const prefix = id.slice(0, Math.max(0, id.indexOf(".")))
  const aliased = modulesByPrefix[prefix]
  if (aliased !== undefined) return aliased
  return AccessModule.is(prefix) ? prefix : "organisation"
}
