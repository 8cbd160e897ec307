import {
  type CustomerDraft,
  departmentId,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  type Person,
  personId,
  type Role,
} from "@tixi/core"
import { Layer } from "effect"

const person = (id: string, name: string, role: Role): Person => ({
  id: personId(id),
  name,
  roles: [role],
  posts: [],
  departmentId: departmentId("customer-service"),
  managerId: undefined,
  locale: "zh-CN",
  active: true,
  accounts: {},
})

/** The posts the credit and key-account flows name, one person each. */
export const staff = {
  officer: person("officer-wu", "吴专员", "officer"),
  supervisor: person("supervisor-sun", "孙主管", "supervisor"),
  manager: person("manager-qian", "钱经理", "manager"),
  director: person("director-li", "李总监", "director"),
  generalManager: person("gm-zhao", "赵总", "generalManager"),
} as const

/** The in-memory ports with `staff` in the directory and the given customers on the host. */
export const inMemoryPorts = (customers: ReadonlyArray<CustomerDraft> = []) =>
  Layer.mergeAll(
    InMemoryHostCrm.layer({ customers }),
    InMemoryApprovals.layer(),
    InMemoryNotifier.layer(),
    inMemoryDirectoryLayer({
      people: Object.values(staff),
      departments: [
        { id: departmentId("customer-service"), name: "客服部", parentId: undefined, headId: undefined },
      ],
    }),
  )
