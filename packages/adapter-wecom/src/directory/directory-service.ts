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
import type { WeComClient } from "../client/wecom-client.ts"
import { getMember } from "../operations/get-member.ts"
import { getTagMembers } from "../operations/get-tag-members.ts"
import { listDepartmentMembers } from "../operations/list-department-members.ts"
import { listDepartments } from "../operations/list-departments.ts"
import { listTags } from "../operations/list-tags.ts"
import type { RawMember, RawWeComDepartment } from "../operations/raw-schemas.ts"

interface Snapshot {
  readonly at: number
  readonly departments: ReadonlyArray<RawWeComDepartment>
  readonly members: ReadonlyArray<RawMember>
  /** userid → tag names. */
  readonly tags: ReadonlyMap<string, ReadonlyArray<string>>
}

/**
 * The directory on WeCom's address book (通讯录): people with their main department, direct
 * leader and tixi roles, departments with their parents and leaders. Roles come from the member's
 * tags (标签) or position (职务) by name (`roleNames`, default the roles' Chinese labels), posts (岗位) the same way (`postNames`) or from their departments (`departmentPosts`); members
 * who left or were disabled are inactive. Listing reuses one snapshot for `directoryCacheSeconds`.
 */
export function makeWeComDirectory(client: WeComClient, ids: IdMapping): DirectoryService {
  const { settings } = client
  const rolesByName = roleNameIndex(settings.roleNames)
  const postsByName = postNameIndex(settings.postNames)
  let snapshot: Snapshot | undefined
  const load: Effect.Effect<Snapshot, PortFailure> = Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    if (snapshot !== undefined && now - snapshot.at < settings.directoryCacheSeconds * 1000) return snapshot
    const departments = yield* listDepartments(client)
    const members = new Map<string, RawMember>()
    for (const department of departments) {
      for (const member of yield* listDepartmentMembers(client, department.id))
        if (!members.has(member.userid)) members.set(member.userid, member)
    }
    const tags = new Map<string, Array<string>>()
    for (const tag of yield* listTags(client)) {
      if (!rolesByName.has(tag.tagname) && !postsByName.has(tag.tagname)) continue
      for (const userid of (yield* getTagMembers(client, tag.tagid)).userIds)
        tags.set(userid, [...(tags.get(userid) ?? []), tag.tagname])
    }
    snapshot = { at: now, departments, members: [...members.values()], tags }
    return snapshot
  })
  const personOf = (member: RawMember, tags: ReadonlyMap<string, ReadonlyArray<string>>): Person => {
    const names = [...(tags.get(member.userid) ?? []), ...(member.position ? [member.position] : [])]
    const mainDepartment = member.main_department ?? member.department?.[0] ?? 1
    return {
      id: personId(ids.personIdOf(member.userid)),
      name: member.name ?? member.userid,
      roles: rolesNamed(rolesByName, names),
      posts: postsNamed(
        postsByName,
        names,
        settings.departmentPosts,
        (member.department ?? [mainDepartment]).map((id) => ids.departmentIdOf(id)),
      ),
      departmentId: departmentId(ids.departmentIdOf(mainDepartment)),
      managerId: member.direct_leader?.[0] ? personId(ids.personIdOf(member.direct_leader[0])) : undefined,
      locale: "zh-CN",
      active: member.status === undefined || member.status === 1,
      accounts: { wecom: member.userid },
    }
  }
  const departmentOf = (raw: RawWeComDepartment, all: ReadonlyArray<RawWeComDepartment>): Department => ({
    id: departmentId(ids.departmentIdOf(raw.id)),
    name: raw.name ?? String(raw.id),
    parentId:
      raw.parentid === undefined || raw.parentid === 0 || !all.some((other) => other.id === raw.parentid)
        ? undefined
        : departmentId(ids.departmentIdOf(raw.parentid)),
    headId: raw.department_leader?.[0] ? personId(ids.personIdOf(raw.department_leader[0])) : undefined,
  })
  const deptIdOf = (id: string) =>
    Effect.try({ try: () => ids.deptIdOf(id), catch: (failure) => failure as PortFailure })
  return {
    host: "wecom",
    person: (id) =>
      Effect.gen(function* () {
        const member = yield* getMember(client, ids.userIdOf(id))
        return personOf(member, (yield* load).tags)
      }),
    people: (query) =>
      Effect.gen(function* () {
        const loaded = yield* load
        let within: ReadonlySet<number> | undefined
        if (query.departmentId !== undefined) {
          within = subtreeOf(
            yield* deptIdOf(query.departmentId),
            loaded.departments.map((department) => ({ id: department.id, parentId: department.parentid })),
          )
        }
        return selectPeople(
          loaded.members
            .filter(
              (member) => within === undefined || (member.department ?? []).some((id) => within.has(id)),
            )
            .map((member) => personOf(member, loaded.tags)),
          query,
        )
      }),
    department: (id) =>
      Effect.gen(function* () {
        const deptId = yield* deptIdOf(id)
        const found = yield* listDepartments(client, deptId)
        const own = found.find((department) => department.id === deptId)
        if (own === undefined) return yield* Effect.die(new Error(`WeCom listed no department ${deptId}`))
        return departmentOf(own, (yield* load).departments)
      }),
    departments: () =>
      Effect.map(load, (loaded) =>
        loaded.departments.map((department) => departmentOf(department, loaded.departments)),
      ),
  }
}
