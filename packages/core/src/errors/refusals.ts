import { Schema } from "effect"
import type { Refusal } from "./refusal.ts"

/**
 * A command that the process's current state does not allow, e.g. closing a complaint that was
 * never accepted. Deciders return it instead of producing events; the state is unchanged.
 */
export class InvalidTransition
  extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
    process: Schema.String,
    instanceId: Schema.String,
    state: Schema.String,
    command: Schema.String,
    /** Why, in plain words, e.g. "a rejected complaint cannot be investigated". */
    reason: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `${this.process} ${this.instanceId}: ${this.command} is not allowed in state ${this.state} (${this.reason})`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/**
 * A decision above the actor's authority (权责外), e.g. an officer granting a refund larger than
 * the officer's limit. The process escalates or asks for approval instead.
 */
export class NotWithinAuthority
  extends Schema.TaggedError<NotWithinAuthority>()("NotWithinAuthority", {
    decision: Schema.String,
    role: Schema.String,
    /** The post (岗位) the actor acted in, when it did: authority is per post, so the refusal names it. */
    post: Schema.optional(Schema.String),
    /** The limit in minor units of `currency`, or null where the role may not decide at all. */
    limitMinor: Schema.NullOr(Schema.Number),
    requestedMinor: Schema.Number,
    currency: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    const limit = this.limitMinor === null ? "no authority" : `limit ${this.limitMinor} ${this.currency}`
    const who = this.post === undefined ? this.role : `${this.post} (${this.role})`
    return `${who} may not decide ${this.decision} of ${this.requestedMinor} ${this.currency} (${limit})`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/**
 * A command refused by a business rule of the policy rather than by the state machine, e.g. a
 * complaint registered without the fields the acceptance rule asks for.
 */
export class PolicyRefusal
  extends Schema.TaggedError<PolicyRefusal>()("PolicyRefusal", {
    rule: Schema.String,
    detail: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `${this.rule}: ${this.detail}`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/**
 * A command's actor the company's directory does not know, or knows as inactive. Authority comes from the post a person holds, so a command from someone tixi cannot
 * place is refused rather than trusted with the post it claims.
 */
export class UnknownActor
  extends Schema.TaggedError<UnknownActor>()("UnknownActor", {
    personId: Schema.String,
    /** Why, in plain words, e.g. "not in the directory". */
    reason: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `${this.personId} may not act: ${this.reason}`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/**
 * A command whose actor claims a role or post (岗位) the company's directory does not give them.
 * Authority is resolved, not claimed: the command is refused rather than quietly run in a lower
 * post, so the sender learns their claim was wrong instead of getting a different outcome.
 */
export class PostNotHeld
  extends Schema.TaggedError<PostNotHeld>()("PostNotHeld", {
    personId: Schema.String,
    /** The role or post the command claimed, e.g. `director` or `creditSupervisor`. */
    claimed: Schema.String,
    /** The roles or posts the directory gives the person (of the same kind as `claimed`). */
    held: Schema.Array(Schema.String),
  })
  implements Refusal
{
  override get message(): string {
    const held = this.held.length === 0 ? "none" : this.held.join(", ")
    return `${this.personId} claims ${this.claimed} but the directory gives them ${held}`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}
