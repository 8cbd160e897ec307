import { Context, type Effect } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import type { DepartmentId, PersonId } from "../ids/ids.ts"
import type { Locale } from "../labels/label.ts"
import type { Post } from "../organisation/post.ts"
import type { Role } from "../roles/role.ts"

/** A member of staff, with the tixi roles and posts they hold and their accounts on the hosts. */
export interface Person {
  readonly id: PersonId
  readonly name: string
  readonly roles: ReadonlyArray<Role>
  /**
   * The posts (岗位) the company's directory gives the person, mapped from host role names, job
   * titles (职位) or departments; what a command claiming a `post` is checked against.
   */
  readonly posts: ReadonlyArray<Post>
  readonly departmentId: DepartmentId
  readonly managerId: PersonId | undefined
  readonly locale: Locale
  readonly active: boolean
  /** The person's id on each host, e.g. `{ dingtalk: "manager4220", hubspot: "81726354" }`. */
  readonly accounts: Readonly<Record<string, string>>
}

/** A department of the company (客服部, 质检部, 财务部, …). */
export interface Department {
  readonly id: DepartmentId
  readonly name: string
  readonly parentId: DepartmentId | undefined
  readonly headId: PersonId | undefined
}

/**
 * The company's people and departments at one moment, for embedders of the core alone who hold
 * their own copy of the directory rather than a `Directory` port.
 */
export interface DirectorySnapshot {
  readonly people: ReadonlyArray<Person>
  readonly departments: ReadonlyArray<Department>
}

/** Who to look for: people holding a role, optionally within a department (and its sub-departments). */
export interface PeopleQuery {
  readonly role?: Role
  readonly departmentId?: DepartmentId
  /** Only active people (the default). */
  readonly activeOnly?: boolean
}

/**
 * The company's people and departments (DingTalk/WeCom departments, HubSpot owners and teams,
 * Salesforce users and roles), used to resolve the roles of a flow chart to real approvers.
 */
export interface DirectoryService {
  readonly host: string
  person(id: PersonId): Effect.Effect<Person, PortFailure>
  people(query: PeopleQuery): Effect.Effect<ReadonlyArray<Person>, PortFailure>
  department(id: DepartmentId): Effect.Effect<Department, PortFailure>
  departments(): Effect.Effect<ReadonlyArray<Department>, PortFailure>
}

/** The directory port (DESIGN rule 3). */
export class Directory extends Context.Service<Directory, DirectoryService>()("@tixi/core/ports/Directory") {}
