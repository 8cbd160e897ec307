import { Schema } from "effect"

/** No hosted process has this name (a typo in a command, or a process not registered in the config). */
export class UnknownProcess extends Schema.TaggedError<UnknownProcess>()("UnknownProcess", {
  process: Schema.String,
}) {
  override get message(): string {
    return `no process named ${JSON.stringify(this.process)} is hosted by this runtime`
  }
}

/** A command was sent to an instance that was never started. */
export class UnknownInstance extends Schema.TaggedError<UnknownInstance>()("UnknownInstance", {
  process: Schema.String,
  instanceId: Schema.String,
}) {
  override get message(): string {
    return `${this.process} instance ${JSON.stringify(this.instanceId)} was never started`
  }
}

/** A command was sent to an instance that has finished and waits on nothing more. */
export class InstanceFinished extends Schema.TaggedError<InstanceFinished>()("InstanceFinished", {
  process: Schema.String,
  instanceId: Schema.String,
}) {
  override get message(): string {
    return `${this.process} instance ${JSON.stringify(this.instanceId)} has finished`
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
export class UnknownDeadLetter extends Schema.TaggedError<UnknownDeadLetter>()("UnknownDeadLetter", {
  id: Schema.String,
}) {
  override get message(): string {
    return `no parked dead letter has id ${JSON.stringify(this.id)}`
  }
}
