import { InvalidRequest, PortFailure } from "@tixi/core"

/** How tixi ids map to a host's ids; unmapped ids pass through unchanged. */
export interface HostIdMapping {
  /** tixi person id → the host's user id. */
  readonly people?: Readonly<Record<string, string>>
  /** tixi department id → the host's numeric department id. */
  readonly departments?: Readonly<Record<string, number>>
}

/** tixi ids ↔ a host's ids (DingTalk, WeCom), both ways, from the settings' mapping (identity where unmapped). */
export interface IdMapping {
  readonly userIdOf: (personId: string) => string
  readonly personIdOf: (userId: string) => string
  /** Throws a `PortFailure` (InvalidRequest) for a department that is neither mapped nor numeric. */
  readonly deptIdOf: (departmentId: string) => number
  readonly departmentIdOf: (deptId: number) => string
}

/** Builds the mapping; a mapping that sends two tixi ids to one host id is refused. */
export function makeIdMapping(mapping: HostIdMapping = {}, vendor = "the host"): IdMapping {
  const people = new Map(Object.entries(mapping.people ?? {}))
  const peopleBack = new Map<string, string>()
  for (const [personId, userId] of people) {
    if (peopleBack.has(userId))
      throw new TypeError(`ids.people maps two people to the ${vendor} user ${userId}`)
    peopleBack.set(userId, personId)
  }
  const departments = new Map(Object.entries(mapping.departments ?? {}))
  const departmentsBack = new Map<number, string>()
  for (const [departmentId, deptId] of departments) {
    if (departmentsBack.has(deptId))
      throw new TypeError(`ids.departments maps two departments to the ${vendor} department ${deptId}`)
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
          fields: [{ field: "departmentId", message: `no ${vendor} department id for ${departmentId}` }],
        }),
        detail: `department ${departmentId} is not mapped to a ${vendor} department id (settings.ids.departments)`,
      })
    },
    departmentIdOf: (deptId) => departmentsBack.get(deptId) ?? String(deptId),
  }
}
