import type { RawRestError } from "../vendor/rest.ts"

/** A reply the whole request fails with (an unknown field, a malformed query, a limit). */
export class FakeRequestError extends Error {
  readonly status: number
  readonly errorCode: string
  readonly fields: ReadonlyArray<string>
  constructor(status: number, errorCode: string, message: string, fields: ReadonlyArray<string> = []) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.fields = fields
  }

  /** The REST error body: `[{message, errorCode, fields}]`. */
  body(): ReadonlyArray<RawRestError> {
    return [{ message: this.message, errorCode: this.errorCode, fields: this.fields }]
  }
}

/** One record's failure inside a batch (a SaveResult error). */
export class FakeRecordError extends Error {
  readonly statusCode: string
  readonly fields: ReadonlyArray<string>
  constructor(statusCode: string, message: string, fields: ReadonlyArray<string> = []) {
    super(message)
    this.statusCode = statusCode
    this.fields = fields
  }

  /** The SaveResult error: `{statusCode, message, fields}`. */
  body(): RawRestError {
    return { statusCode: this.statusCode, message: this.message, fields: this.fields }
  }
}
