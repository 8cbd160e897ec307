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
 * The module an id names by its first part (`credit.analysis`, `credit.standard` → credit), or
 * `undefined` when the part before the first dot is no module. Form ids and process names follow
 * the same convention, so read paths place a process's workflow by it.
 */
export function moduleOfIdPrefix(id: string): AccessModule | undefined {
  const prefix = id.slice(0, Math.max(0, id.indexOf(".")))
  // Own keys only: a prefix such as `constructor` must not read the object's prototype.
  if (Object.hasOwn(modulesByPrefix, prefix)) return modulesByPrefix[prefix]
  return AccessModule.is(prefix) ? prefix : undefined
}

/**
 * The module a form belongs to, from the first part of its id (`credit.analysis` → credit,
 * `complaint.registration` → complaints). Approval forms (`approval.*`) serve several modules and
 * name theirs; an id whose prefix is no module belongs to the service organisation, whose default
 * level (内部) still keeps it from the public.
 */
export function moduleOfFormId(id: string): AccessModule {
  return moduleOfIdPrefix(id) ?? "organisation"
}
