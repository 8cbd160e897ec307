/**
 * The portal's users as the CRM sees them: owners (`/crm/v3/owners`) and teams
 * (`/settings/v3/users/teams`). An owner's `teams` name the teams it is in, one of them primary;
 * a team lists its members by user id, primary members in `userIds` and the others in
 * `secondaryUserIds`, as HubSpot's settings users API does.
 */

/** A team of the portal. */
export interface FakeTeam {
  readonly id: string
  name: string
}

/** An owner of the portal (a user, or a queue). */
export interface FakeOwner {
  readonly id: string
  readonly userId: number
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly type: "PERSON" | "QUEUE"
  /** Team ids, the primary one first. */
  teamIds: Array<string>
  archived: boolean
  /** Whether the user behind the owner is deactivated (HubSpot then omits `userId`). */
  deactivated: boolean
  readonly createdAt: number
  updatedAt: number
}

/** What a test gives to add an owner; the fake assigns the ids. */
export interface NewFakeOwner {
  readonly email: string
  readonly firstName?: string
  readonly lastName?: string
  readonly type?: "PERSON" | "QUEUE"
  /** Team ids, the primary one first. */
  readonly teamIds?: ReadonlyArray<string>
  readonly archived?: boolean
}

/** The owners and teams of one fake portal. */
export class PortalUsers {
  readonly owners: Array<FakeOwner> = []
  readonly teams: Array<FakeTeam> = []
  private nextOwnerId = 41_629_779
  private nextUserId = 9_586_504
  private nextTeamId = 6_536_591

  private readonly clock: () => number

  constructor(clock: () => number) {
    this.clock = clock
  }

  /** Adds a team and returns it. */
  addTeam(name: string): FakeTeam {
    const team = { id: String(this.nextTeamId++), name }
    this.teams.push(team)
    return team
  }

  /** Adds an owner (its user created with it) and returns it. */
  addOwner(owner: NewFakeOwner): FakeOwner {
    for (const teamId of owner.teamIds ?? [])
      if (!this.teams.some((team) => team.id === teamId)) throw new Error(`no team ${teamId}`)
    const now = this.clock()
    const added: FakeOwner = {
      id: String(this.nextOwnerId++),
      userId: this.nextUserId++,
      email: owner.email,
      firstName: owner.firstName ?? "",
      lastName: owner.lastName ?? "",
      type: owner.type ?? "PERSON",
      teamIds: [...(owner.teamIds ?? [])],
      archived: owner.archived ?? false,
      deactivated: owner.archived ?? false,
      createdAt: now,
      updatedAt: now,
    }
    this.owners.push(added)
    return added
  }

  /** Removes the user from the portal: HubSpot archives its owner and deactivates the user. */
  removeUser(ownerId: string) {
    const owner = this.owners.find((candidate) => candidate.id === ownerId)
    if (owner === undefined) throw new Error(`no owner ${ownerId}`)
    owner.archived = true
    owner.deactivated = true
    owner.updatedAt = this.clock()
  }

  /** An owner as `PublicOwner` renders it. */
  renderOwner(owner: FakeOwner) {
    return {
      id: owner.id,
      email: owner.email,
      type: owner.type,
      firstName: owner.firstName,
      lastName: owner.lastName,
      ...(owner.deactivated ? {} : { userId: owner.userId }),
      userIdIncludingInactive: owner.userId,
      createdAt: new Date(owner.createdAt).toISOString(),
      updatedAt: new Date(owner.updatedAt).toISOString(),
      archived: owner.archived,
      teams: owner.teamIds.map((teamId, index) => ({
        id: teamId,
        name: this.teams.find((team) => team.id === teamId)!.name,
        primary: index === 0,
      })),
    }
  }

  /** A team as the settings users API's `PublicTeam` renders it (active users only). */
  renderTeam(team: FakeTeam) {
    const members = this.owners.filter((owner) => !owner.deactivated && owner.type === "PERSON")
    return {
      id: team.id,
      name: team.name,
      userIds: members.filter((owner) => owner.teamIds[0] === team.id).map((owner) => String(owner.userId)),
      secondaryUserIds: members
        .filter((owner) => owner.teamIds.slice(1).includes(team.id))
        .map((owner) => String(owner.userId)),
    }
  }
}
