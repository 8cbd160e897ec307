import { Effect, Layer } from "effect"
import { NotFound, PortFailure } from "../errors/port-failure.ts"
import type { DepartmentId } from "../ids/ids.ts"
import { Directory, type DirectoryService, type DirectorySnapshot } from "./directory.ts"

/** The people and departments an in-memory directory starts with. */
export type InMemoryDirectoryData = DirectorySnapshot

/** A directory over fixed data; `people` with a department includes its sub-departments. */
export function makeInMemoryDirectory(data: InMemoryDirectoryData): DirectoryService {
  const people = new Map(data.people.map((person) => [person.id as string, person]))
  const departments = new Map(data.departments.map((department) => [department.id as string, department]))
  const within = (candidate: DepartmentId, ancestor: DepartmentId): boolean => {
    let current: DepartmentId | undefined = candidate
    const seen = new Set<string>()
    while (current !== undefined && !seen.has(current)) {
      if (current === ancestor) return true
      seen.add(current)
      current = departments.get(current)?.parentId
    }
    return false
  }
  const missing = (operation: string, resource: string, id: string) =>
    new PortFailure({
      port: "Directory",
      operation,
      reason: new NotFound({ resource, id }),
      detail: `${resource} ${id} is not in the directory`,
    })
  return {
    host: "memory",
    person: (id) =>
      Effect.suspend(() => {
        const person = people.get(id)
        return person ? Effect.succeed(person) : Effect.fail(missing("person", "person", id))
      }),
    people: (query) =>
      Effect.sync(() =>
        [...people.values()]
          .filter((person) => ((query.activeOnly ?? true) ? person.active : true))
          .filter((person) => query.role === undefined || person.roles.includes(query.role))
          .filter(
            (person) => query.departmentId === undefined || within(person.departmentId, query.departmentId),
          )
          .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)),
      ),
    department: (id) =>
      Effect.suspend(() => {
        const department = departments.get(id)
        return department ? Effect.succeed(department) : Effect.fail(missing("department", "department", id))
      }),
    departments: () => Effect.sync(() => [...departments.values()]),
  }
}

/** A layer providing `Directory` over fixed data. */
export const inMemoryDirectoryLayer = (data: InMemoryDirectoryData) =>
  Layer.succeed(Directory, makeInMemoryDirectory(data))
