import {
  HostCrm,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
} from "@tixi/core"
import { approvalsSuite, directorySuite, hostCrmSuite, notifierSuite, sampleCompany } from "@tixi/testing"
import { Clock, Effect } from "effect"

hostCrmSuite(
  "in-memory host",
  {
    layer: () => InMemoryHostCrm.layer(),
    staffOpensCase: (subject) =>
      Effect.gen(function* () {
        const control = yield* InMemoryHostCrm
        yield* HostCrm
        return control.staffOpensCase({ subject, description: subject }, yield* Clock.currentTimeMillis).id
      }),
  },
  {
    skip: {
      "cases.upsert refuses a field that was never installed":
        "the in-memory host takes any field, so simulations and examples run without an install",
    },
  },
)

approvalsSuite("in-memory approvals", {
  layer: () => InMemoryApprovals.layer(),
  decide: (id, approver, outcome) =>
    Effect.gen(function* () {
      const control = yield* InMemoryApprovals
      control.decide(id, { approver, outcome, at: yield* Clock.currentTimeMillis })
    }),
})

directorySuite(
  "in-memory directory",
  { layer: (company) => inMemoryDirectoryLayer(company) },
  sampleCompany,
  {
    skip: {
      "posts follow the company's names and departments":
        "the in-memory directory holds posts as given; it has no host names or departments to map",
    },
  },
)

notifierSuite("in-memory notifier", {
  layer: () => InMemoryNotifier.layer(),
  deliveries: (key) =>
    Effect.map(
      InMemoryNotifier,
      (control) => control.delivered().filter((entry) => entry.key === key).length,
    ),
})
