import type { Route } from "./context.ts"
import { errorReply } from "./responses.ts"

/** The most owners one page holds; HubSpot's default page is 100. */
export const ownersPageLimit = 500

/**
 * The owners and teams routes: `GET /crm/v3/owners` (paged with `limit`/`after`, filtered by
 * `email`, active owners or with `archived=true` only archived ones), `GET /crm/v3/owners/{id}`
 * (`idProperty` id or userId, `archived`), and `GET /settings/v3/users/teams` (not paged).
 */
export const ownerRoutes: ReadonlyArray<Route> = [
  {
    method: "GET",
    pattern: /^\/crm\/v3\/owners\/?$/,
    handle: ({ users, url }) => {
      const limitText = url.searchParams.get("limit")
      const limit = limitText === null ? 100 : Number(limitText)
      if (!Number.isInteger(limit) || limit < 1)
        return errorReply(400, "VALIDATION_ERROR", `Invalid limit: ${limitText}`)
      const after = Number(url.searchParams.get("after") ?? "0")
      if (!Number.isInteger(after) || after < 0)
        return errorReply(400, "VALIDATION_ERROR", `Invalid after: ${url.searchParams.get("after")}`)
      const archived = url.searchParams.get("archived") === "true"
      const email = url.searchParams.get("email")
      const matching = users.owners.filter(
        (owner) => owner.archived === archived && (email === null || owner.email === email),
      )
      const end = after + Math.min(limit, ownersPageLimit)
      const next = end < matching.length ? String(end) : undefined
      return {
        status: 200,
        body: {
          results: matching.slice(after, end).map((owner) => users.renderOwner(owner)),
          ...(next === undefined
            ? {}
            : {
                paging: {
                  next: { after: next, link: `${url.origin}/crm/v3/owners/?limit=${limit}&after=${next}` },
                },
              }),
        },
      }
    },
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/owners\/([^/]+)$/,
    handle: ({ users, url, params }) => {
      const byUser = url.searchParams.get("idProperty") === "userId"
      const archived = url.searchParams.get("archived") === "true"
      const owner = users.owners.find(
        (candidate) =>
          (byUser ? String(candidate.userId) : candidate.id) === params[0] && candidate.archived === archived,
      )
      return owner === undefined
        ? errorReply(404, "OBJECT_NOT_FOUND", `Owner ${params[0]} not found`)
        : { status: 200, body: users.renderOwner(owner) }
    },
  },
  {
    method: "GET",
    pattern: /^\/settings\/v3\/users\/teams\/?$/,
    handle: ({ users }) => ({
      status: 200,
      body: { results: users.teams.map((team) => users.renderTeam(team)) },
    }),
  },
]
