import { type Enumeration, Organisation, type PeopleQuery, type Person, Role } from "@tixi/core"

/** A post (岗位) of the handbooks, by its stable id. */
type Post = Organisation.Post

/**
 * Which values of an enumeration each host name means; a value without configured names is
 * known by its Chinese label, the name companies already use on DingTalk and WeCom.
 */
function nameIndex<Value extends string>(
  values: Enumeration<Value>,
  configured: Partial<Record<Value, ReadonlyArray<string>>>,
): ReadonlyMap<string, ReadonlyArray<Value>> {
  const index = new Map<string, Array<Value>>()
  for (const value of values.values) {
    for (const name of configured[value] ?? [values.label(value, "zh-CN")])
      index.set(name, [...(index.get(name) ?? []), value])
  }
  return index
}

/** The values a person's host names mean, in the enumeration's order. */
function valuesNamed<Value extends string>(
  values: Enumeration<Value>,
  index: ReadonlyMap<string, ReadonlyArray<Value>>,
  names: ReadonlyArray<string>,
): ReadonlyArray<Value> {
  const found = new Set(names.flatMap((name) => index.get(name) ?? []))
  return values.values.filter((value) => found.has(value))
}

/**
 * Which tixi roles each host name means (a DingTalk role or title, a WeCom tag or position).
 * Without configuration a role is known by its Chinese label (专员, 主管, 经理, 总监, 总经理, 财务).
 */
export const roleNameIndex = (
  roleNames: Partial<Record<Role, ReadonlyArray<string>>> = {},
): ReadonlyMap<string, ReadonlyArray<Role>> => nameIndex(Role, roleNames)

/** The tixi roles a person's host names mean, in the catalogue's order. */
export const rolesNamed = (
  index: ReadonlyMap<string, ReadonlyArray<Role>>,
  names: ReadonlyArray<string>,
): ReadonlyArray<Role> => valuesNamed(Role, index, names)

/**
 * Which posts (岗位) each host name means (a DingTalk role or title, a WeCom tag or position),
 * so a command claiming a post is checked against the directory.
 * Without configuration a post is known by its Chinese label (客户信用主管, 呼叫中心专员, …).
 */
export const postNameIndex = (
  postNames: Partial<Record<Post, ReadonlyArray<string>>> = {},
): ReadonlyMap<string, ReadonlyArray<Post>> => nameIndex(Organisation.Post, postNames)

/**
 * The posts a person holds: those their host names mean, and those the company gives everyone in
 * one of their departments (`departmentPosts`, by tixi department id: 投诉组 → 客户投诉专员), in
 * the catalogue's order.
 */
export const postsNamed = (
  index: ReadonlyMap<string, ReadonlyArray<Post>>,
  names: ReadonlyArray<string>,
  departmentPosts: Readonly<Record<string, ReadonlyArray<Post>>> = {},
  departmentIds: ReadonlyArray<string> = [],
): ReadonlyArray<Post> => {
  const found = new Set([
    ...valuesNamed(Organisation.Post, index, names),
    ...departmentIds.flatMap((id) => departmentPosts[id] ?? []),
  ])
  return Organisation.Post.values.filter((post) => found.has(post))
}

/** A department and every department below it, from parent links (cycles are harmless). */
export function subtreeOf<Id extends string | number>(
  root: Id,
  departments: ReadonlyArray<{ readonly id: Id; readonly parentId: Id | undefined }>,
): ReadonlySet<Id> {
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
