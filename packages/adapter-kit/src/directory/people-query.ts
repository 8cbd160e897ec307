import { type PeopleQuery, type Person, Role } from "@tixi/core"

/**
 * Which tixi roles each host name means (a DingTalk role or title, a WeCom tag or position).
 * Without configuration a role is known by its Chinese label (专员, 主管, 经理, 总监, 总经理, 财务).
 */
export function roleNameIndex(
  roleNames: Partial<Record<Role, ReadonlyArray<string>>> = {},
): ReadonlyMap<string, ReadonlyArray<Role>> {
  const index = new Map<string, Array<Role>>()
  for (const role of Role.values) {
    for (const name of roleNames[role] ?? [Role.label(role, "zh-CN")])
      index.set(name, [...(index.get(name) ?? []), role])
  }
  return index
}

/** The tixi roles a person's host names mean, in the catalogue's order. */
export function rolesNamed(
  index: ReadonlyMap<string, ReadonlyArray<Role>>,
  names: ReadonlyArray<string>,
): ReadonlyArray<Role> {
  const found = new Set(names.flatMap((name) => index.get(name) ?? []))
  return Role.values.filter((role) => found.has(role))
}

/** A department and every department below it, from parent links (cycles are harmless). */
export function subtreeOf(
  root: number,
  departments: ReadonlyArray<{ readonly id: number; readonly parentId: number | undefined }>,
): ReadonlySet<number> {
  const within = new Set([root])
  for (let grew = true; grew; ) {
    grew = false
    for (const department of departments) {
      if (
        department.parentId !== undefined &&
        within.has(department.parentId) &&
        !within.has(department.id)
      ) {
        within.add(department.id)
        grew = true
      }
    }
  }
  return within
}

/** The people a directory query asks for: active only unless said otherwise, holding the role, sorted by id. */
export function selectPeople(people: ReadonlyArray<Person>, query: PeopleQuery): ReadonlyArray<Person> {
  return people
    .filter((person) => ((query.activeOnly ?? true) ? person.active : true))
    .filter((person) => query.role === undefined || person.roles.includes(query.role))
    .sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0))
}
