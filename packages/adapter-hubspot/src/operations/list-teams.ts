import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotTeam } from "../vendor/schemas.ts"

/**
 * Every team of the portal, empty ones included (owners carry only the teams they are in). Needs
 * the `settings.users.teams.read` scope; the listing has no paging.
 */
export const listTeams = (gateway: Gateway): Effect.Effect<ReadonlyArray<HubSpotTeam>, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/settings-user-provisioning-v3/guide (GET /settings/v3/users/teams)
    gateway.send<{ readonly results: ReadonlyArray<HubSpotTeam> }>(
      "listTeams",
      (client) => client.settings.users.teamsApi.getAllWithHttpInfo(),
      { context: { resource: "team" } },
    ),
    (reply) => reply.data.results,
  )
