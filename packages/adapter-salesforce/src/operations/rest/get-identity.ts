import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"

/** Who tixi is signed in as: the integration user's id (its writes are tixi's in polled changes). */
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm
export const getIdentity = (
  client: SalesforceClient,
): Effect.Effect<{ readonly userId: string; readonly organizationId: string }, PortFailure> =>
  Effect.map(
    client.send({
      operation: "identity",
      method: "GET",
      path: "/services/oauth2/userinfo",
      idempotent: true,
    }),
    (reply) => {
      const body = reply.json as { user_id: string; organization_id: string }
      return { userId: body.user_id, organizationId: body.organization_id }
    },
  )
