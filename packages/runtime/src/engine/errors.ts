import type { Refusal } from "@tixi/core"
import { Schema } from "effect"

/** No hosted process has this name (a typo in a command, or a process not registered in the config). */
export class UnknownProcess
  extends Schema.TaggedError<UnknownProcess>()("UnknownProcess", {
    process: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `no process named ${JSON.stringify(this.process)} is hosted by this runtime`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/** A command was sent to an instance that was never started. */
export class UnknownInstance
  extends Schema.TaggedError<UnknownInstance>()("UnknownInstance", {
    process: Schema.String,
    instanceId: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `${this.process} instance ${JSON.stringify(this.instanceId)} was never started`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/** The runtime's storage failed (after its own retries); the caller may try again. */
export class RuntimeStorageFailure extends Schema.TaggedError<RuntimeStorageFailure>()(
  "RuntimeStorageFailure",
  {
    operation: Schema.String,
    detail: Schema.String,
  },
) {
  override get message(): string {
    return `runtime storage failed during ${this.operation}: ${this.detail}`
  }
}

/** A dead letter id that does not exist or is not parked. */
export class UnknownDeadLetter
  extends Schema.TaggedError<UnknownDeadLetter>()("UnknownDeadLetter", {
    id: Schema.String,
  })
  implements Refusal
{
  override get message(): string {
    return `no parked dead letter has id ${JSON.stringify(this.id)}`
  }

  /** The caller was told no: the audit trail files it as refused. */
  get isRefusal(): true {
    return true
  }
}

/** The database's unfinished instances run on the other engine; switching would strand them. */
export class EngineMismatch extends Schema.TaggedError<EngineMismatch>()("EngineMismatch", {
  database: Schema.String,
  requested: Schema.String,
  unfinished: Schema.Number,
}) {
  override get message(): string {
    return `this database's ${this.unfinished} unfinished instances run on the ${this.database} engine; finish them (or use the ${this.database} engine) before switching to the ${this.requested} engine`
  }
}
