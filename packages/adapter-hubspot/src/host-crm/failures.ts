import { InvalidRequest, NotFound, PortFailure } from "@tixi/core"

/** The record does not exist on the portal. */
export const notFound = (operation: string, resource: string, id: string) =>
  new PortFailure({
    port: "HostCrm",
    operation,
    reason: new NotFound({ resource, id }),
    detail: `${resource} ${id} does not exist on HubSpot`,
  })

/** The caller's input is wrong, naming the field. */
export const invalid = (operation: string, field: string, message: string) =>
  new PortFailure({
    port: "HostCrm",
    operation,
    reason: new InvalidRequest({ fields: [{ field, message }] }),
    detail: `${field}: ${message}`,
  })
