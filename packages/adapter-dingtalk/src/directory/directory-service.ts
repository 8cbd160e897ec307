import {
  type IdMapping,
  postNameIndex,
  postsNamed,
  roleNameIndex,
  rolesNamed,
  selectPeople,
  subtreeOf,
} from "@tixi/adapter-kit"
import {
  type Department,
  type DirectoryService,
  departmentId,
  type Person,
  type PortFailure,
  personId,
} from "@tixi/core"
import { Clock, Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import { getDepartment } from "../operations/get-department.ts"
import { getUser } from "../operations/get-user.ts"
import { listDepartmentUsers } from "../operations/list-department-users.ts"
import { listSubDepartments } from "../operations/list-sub-departments.ts"
import type { RawDepartment, RawUser } from "../operations/raw-schemas.ts"

/** The root department of every DingTalk organisation. */
const rootDeptId = 1

/**
 * The directory on DingTalk's address book (通讯录): people with their departments, direct
 * manager and tixi roles, departments with their parents and heads. tixi roles come from the
 * user's DingTalk roles (角色) or job title (职位) by name (`roleNames`, default the roles'
 * Chinese labels), and posts (岗位) the same way (`postNames`) or from their departments (`departmentPosts`). Listing walks the department tree once and reuses the snapshot for
 * `directoryCacheSeconds`, well inside DingTalk's rate limits.
 */
export function makeDingTalkDirectory(client: DingTalkClient, ids: IdMapping): DirectoryService {
  const { settings } = client
  const roleNames = roleNameIndex(settings.roleNames)
  const postNames = postNameIndex(settings.postNames)
  const hostNamesOf = (user: RawUser) => [
    ...(user.role_list ?? []).map((role) => role.name ?? ""),
    ...(user.title ? [user.title] : []),
  ]
  const personOf = (user: RawUser): Person => ({
    id: personId(ids.personIdOf(user.userid)),
    name: user.name ?? user.userid,
    roles: rolesNamed(roleNames, hostNamesOf(user)),
    posts: postsNamed(
      postNames,
      hostNamesOf(user),
      settings.departmentPosts,
      (user.dept_id_list ?? []).map((dept) => ids.departmentIdOf(dept)),
    ),
    departmentId: departmentId(ids.departmentIdOf(user.dept_id_list?.[0] ?? rootDeptId)),
    managerId: user.manager_userid ? personId(ids.personIdOf(user.manager_userid)) : undefined,
    locale: "zh-CN",
    active: user.active !== false,
    accounts: { dingtalk: user.userid },
  })
  const departmentOf = (raw: RawDepartment): Department => ({
    id: departmentId(ids.departmentIdOf(raw.dept_id)),
    name: raw.name ?? String(raw.dept_id),
    parentId:
      raw.parent_id === undefined || raw.dept_id === rootDeptId
        ? undefined
        : departmentId(ids.departmentIdOf(raw.parent_id)),
    headId: raw.dept_manager_userid_list?.[0]
      ? personId(ids.personIdOf(raw.dept_manager_userid_list[0]))
      : undefined,
  })

  interface Snapshot {
    readonly at: number
    readonly departments: ReadonlyArray<RawDepartment>
    readonly users: ReadonlyArray<RawUser>
  }
  let snapshot: Snapshot | undefined
  const load: Effect.Effect<Snapshot, PortFailure> = Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    if (snapshot !== undefined && now - snapshot.at < settings.directoryCacheSeconds * 1000) return snapshot
    const root = yield* getDepartment(client, rootDeptId)
    const departments: Array<RawDepartment> = [root]
    for (let index = 0; index < departments.length; index++) {
      departments.push(...(yield* listSubDepartments(client, departments[index]!.dept_id)))
    }
    const users = new Map<string, RawUser>()
    for (const department of departments) {
      let cursor: number | undefined = 0
      while (cursor !== undefined) {
        const page: { readonly users: ReadonlyArray<RawUser>; readonly nextCursor: number | undefined } =
          yield* listDepartmentUsers(client, department.dept_id, cursor)
        for (const user of page.users) if (!users.has(user.userid)) users.set(user.userid, user)
        cursor = page.nextCursor
      }
    }
    snapshot = { at: now, departments, users: [...users.values()] }
    return snapshot
  })

  return {
    host: "dingtalk",
    person: (id) => Effect.map(getUser(client, ids.userIdOf(id)), personOf),
    people: (query) =>
      Effect.gen(function* () {
        const loaded = yield* load
        let within: ReadonlySet<number> | undefined
        if (query.departmentId !== undefined) {
          const wanted = query.departmentId
          const top = yield* Effect.try({
            try: () => ids.deptIdOf(wanted),
            catch: (failure) => failure as PortFailure,
          })
          within = subtreeOf(
            top,
            loaded.departments.map((department) => ({
              id: department.dept_id,
              parentId: department.parent_id,
            })),
          )
        }
        return selectPeople(
          loaded.users
            .filter(
              (user) => within === undefined || (user.dept_id_list ?? []).some((dept) => within.has(dept)),
            )
            .map(personOf),
          query,
        )
      }),
    department: (id) =>
      Effect.flatMap(
        Effect.try({ try: () => ids.deptIdOf(id), catch: (failure) => failure as PortFailure }),
        (deptId) => Effect.map(getDepartment(client, deptId), departmentOf),
      ),
    departments: () => Effect.map(load, (loaded) => loaded.departments.map(departmentOf)),
  }
}
