import { enumeration, type ValueOf } from "../labels/enumeration.ts"
import { label } from "../labels/label.ts"

/**
 * The posts of the handbooks (岗位): the officer who handles the case, the supervisor and the
 * manager above, the director and the general manager at the top, and finance beside them.
 */
export const Role = enumeration("role", {
  officer: label("专员", "Officer"),
  supervisor: label("主管", "Supervisor"),
  manager: label("经理", "Manager"),
  director: label("总监", "Director"),
  generalManager: label("总经理", "General manager"),
  finance: label("财务", "Finance"),
})

/** A post of the handbooks. */
export type Role = ValueOf<typeof Role>

/**
 * The management ladder, lowest first: escalations climb it one rung at a time. Finance is not
 * on it; it is consulted beside the ladder (e.g. 财务部门意见 on 客户投诉处理表).
 */
export const managementLadder: ReadonlyArray<Role> = [
  "officer",
  "supervisor",
  "manager",
  "director",
  "generalManager",
]

/** The rung of a role on the ladder (0 for officer), or -1 for roles off the ladder. */
export const rankOf = (role: Role): number => managementLadder.indexOf(role)

/** The next role up the ladder, or undefined at the top and for roles off the ladder. */
export function nextUp(role: Role): Role | undefined {
  const rank = rankOf(role)
  return rank < 0 ? undefined : managementLadder[rank + 1]
}

/** Whether `role` is at or above `other` on the ladder. */
export const isAtLeast = (role: Role, other: Role): boolean =>
  rankOf(role) >= 0 && rankOf(role) >= rankOf(other)
