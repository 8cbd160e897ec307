import { NotFound, PortFailure } from "@tixi/core"

/**
 * A gateway failure restated as the Directory port's, so the runtime and the audit trail name
 * the port that failed (the gateway names `HostCrm`); reason, retryability and vendor detail stay.
 */
export const asDirectoryFailure = (failure: PortFailure): PortFailure =>
  failure.port === "Directory"
    ? failure
    : new PortFailure({
        port: "Directory",
        operation: failure.operation,
        reason: failure.reason,
        detail: failure.detail,
        ...(failure.vendor === undefined ? {} : { vendor: failure.vendor }),
      })

/** The directory has no such person or team on HubSpot. */
export const directoryNotFound = (operation: string, resource: "owner" | "team", id: string) =>
  new PortFailure({
    port: "Directory",
    operation,
    reason: new NotFound({ resource, id }),
    detail: `HubSpot has no ${resource} ${id}`,
  })
