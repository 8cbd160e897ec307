// The fake HubSpot portal of the write-back benchmark, in its own thread: the portal's work
// (validating 100 inputs a call, keeping history, rendering replies) does not share an event
// loop with the clients being measured, as HubSpot's servers do not.
import { parentPort, workerData } from "node:worker_threads"
import { type FakeApp, FakeHubSpotPortal, serveFakeHubSpot } from "@tixi/testing/hubspot"

/** A request to the worker, answered with a message of the same id. */
export type FakeWorkerRequest =
  | { readonly id: number; readonly type: "seed"; readonly count: number }
  | { readonly id: number; readonly type: "new-window" }
  | {
      readonly id: number
      readonly type: "read"
      readonly property: string
      readonly ids: ReadonlyArray<string>
    }
  | { readonly id: number; readonly type: "tally"; readonly appId: number }
  | { readonly id: number; readonly type: "close" }

const { apps } = workerData as { apps: ReadonlyArray<FakeApp> }
const portal = new FakeHubSpotPortal({ tier: "professional", apps })
const served = await serveFakeHubSpot(portal)
const port = parentPort!
port.postMessage({ id: 0, baseUrl: served.baseUrl })

port.on("message", async (request: FakeWorkerRequest) => {
  switch (request.type) {
    case "seed": {
      const staff = portal.staff()
      const ids = Array.from(
        { length: request.count },
        (_, index) => staff.create("companies", { name: `公司 ${index}` }).id,
      )
      port.postMessage({ id: request.id, ids })
      return
    }
    case "new-window":
      portal.limits.configure({})
      portal.requests.length = 0
      port.postMessage({ id: request.id })
      return
    case "read":
      port.postMessage({
        id: request.id,
        values: request.ids.map((id) => portal.read("companies", id)?.[request.property]),
      })
      return
    case "tally": {
      const mine = portal.requests.filter((entry) => entry.appId === request.appId)
      port.postMessage({
        id: request.id,
        requests: mine.length,
        rateLimited: mine.filter((entry) => entry.status === 429).length,
      })
      return
    }
    case "close":
      await served.close()
      port.postMessage({ id: request.id })
      port.close()
      return
  }
})
