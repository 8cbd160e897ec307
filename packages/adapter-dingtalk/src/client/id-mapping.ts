import { InvalidRequest, PortFailure } from "@tixi/core"
import type { DingTalkIdMapping } from "../settings.ts"

/** tixi ids ↔ DingTalk ids, both ways, from the settings' mapping (identity where unmapped). */
export interface IdMapping {
  readonly userIdOf: (personId: string) => string
  readonly personIdOf: (userId: string) => string
  /** Throws a `PortFailure` (InvalidRequest) for a department that is neither mapped nor numeric. */
  readonly deptIdOf: (departmentId: string) => number
  readonly departmentIdOf: (deptId: number) => string
}

/** Builds the mapping; a mapping that sends two tixi ids to one DingTalk id is refused. */
export function makeIdMapping(mapping: DingTalkIdMapping = {}): IdMapping {
  const people = new Map(Object.entries(mapping.people ?? {}))
  const peopleBack = new Map<string, string>()
  for (const [personId, userId] of people) {
    if (peopleBack.has(userId))
      throw new TypeError(`ids.people maps two people to the DingTalk user ${userId}`)
    peopleBack.set(userId, personId)
  }
  const departments = new Map(Object.entries(mapping.departments ?? {}))
  const departmentsBack = new Map<number, string>()
  for (const [departmentId, deptId] of departments) {
    if (departmentsBack.has(deptId))
      throw new TypeError(`ids.departments maps two departments to dept_id ${deptId}`)
    departmentsBack.set(deptId, departmentId)
  }
  return {
    userIdOf: (personId) => people.get(personId) ?? personId,
    personIdOf: (userId) => peopleBack.get(userId) ?? userId,
    deptIdOf: (departmentId) => {
      const mapped = departments.get(departmentId)
      if (mapped !== undefined) return mapped
      if (/^-?\d+$/.test(departmentId)) return Number(departmentId)
      throw new PortFailure({
        port: "Directory",
        operation: "mapDepartment",
        reason: new InvalidRequest({
          fields: [{ field: "departmentId", message: `no DingTalk dept_id for ${departmentId}` }],
        }),
        detail: `department ${departmentId} is not mapped to a DingTalk dept_id (settings.ids.departments)`,
      })
    },
    departmentIdOf: (deptId) => departmentsBack.get(deptId) ?? String(deptId),
  }
}
