/**
 * The subset of SOQL the fake org understands: `SELECT fields FROM object [WHERE …] [ORDER BY …]
 * [LIMIT n] [OFFSET n]`, with relationship paths (`Account.Tixi_Key__c`), `AND`/`OR`/`NOT`,
 * parentheses, `= != < <= > >= LIKE IN NOT IN`, and string, number, boolean, null, date and
 * datetime literals. A query outside it fails MALFORMED_QUERY, as the org would.
 */
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

/** A literal in a SOQL condition, as the fake compares it with a record's field. */
export type SoqlValue = string | number | boolean | null

/** A WHERE clause as a tree, so the fake filters records the way Salesforce would. */
export type SoqlCondition =
  | { readonly kind: "and" | "or"; readonly left: SoqlCondition; readonly right: SoqlCondition }
  | { readonly kind: "not"; readonly inner: SoqlCondition }
  | { readonly kind: "compare"; readonly field: string; readonly operator: string; readonly value: SoqlValue }
  | {
      readonly kind: "in"
      readonly field: string
      readonly negated: boolean
      readonly values: ReadonlyArray<SoqlValue>
    }

/** The subset of SOQL the fake answers: fields or COUNT(), one object, WHERE, ORDER BY, LIMIT, OFFSET. */
export interface SoqlQuery {
  readonly fields: ReadonlyArray<string>
  readonly count: boolean
  readonly object: string
  readonly where: SoqlCondition | undefined
  readonly orderBy: ReadonlyArray<{ readonly field: string; readonly descending: boolean }>
  readonly limit: number | undefined
  readonly offset: number | undefined
}

/** A query the fake cannot parse; the org answers MALFORMED_QUERY. */
export class SoqlSyntaxError extends Error {}

type Token = { readonly type: "word" | "string" | "number" | "symbol"; readonly text: string }

function tokenize(source: string): Array<Token> {
  const tokens: Array<Token> = []
  let index = 0
  while (index < source.length) {
    const character = source[index]!
    if (/\s/.test(character)) {
      index += 1
    } else if (character === "'") {
      let text = ""
      index += 1
      while (index < source.length && source[index] !== "'") {
        if (source[index] === "\\") {
          const next = source[index + 1]
          text += next === "n" ? "\n" : next === "t" ? "\t" : (next ?? "")
          index += 2
        } else {
          text += source[index]
          index += 1
        }
      }
      if (index >= source.length) throw new SoqlSyntaxError("unterminated string literal")
      index += 1
      tokens.push({ type: "string", text })
    } else if (/[0-9-]/.test(character) && /[0-9]/.test(source[index + 1] ?? character)) {
      const match =
        /^-?\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}))?|^-?\d+(\.\d+)?/.exec(
          source.slice(index),
        )!
      tokens.push({ type: match[0].includes("-", 1) ? "string" : "number", text: match[0] })
      index += match[0].length
    } else if (/[A-Za-z_]/.test(character)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(index))!
      tokens.push({ type: "word", text: match[0] })
      index += match[0].length
    } else {
      const two = source.slice(index, index + 2)
      if (two === "!=" || two === "<=" || two === ">=" || two === "<>") {
        tokens.push({ type: "symbol", text: two === "<>" ? "!=" : two })
        index += 2
      } else if ("(),=<>".includes(character)) {
        tokens.push({ type: "symbol", text: character })
        index += 1
      } else throw new SoqlSyntaxError(`unexpected character ${character}`)
    }
  }
  return tokens
}

/** Parses a SOQL query of the supported subset. */
export function parseSoql(source: string): SoqlQuery {
  const tokens = tokenize(source)
  let position = 0
  const peek = () => tokens[position]
  const keyword = (word: string) => {
    const token = peek()
    if (token?.type === "word" && token.text.toUpperCase() === word) {
      position += 1
      return true
    }
    return false
  }
  const expectKeyword = (word: string) => {
    if (!keyword(word)) throw new SoqlSyntaxError(`expected ${word} near ${peek()?.text ?? "the end"}`)
  }
  const symbol = (text: string) => {
    if (peek()?.type === "symbol" && peek()!.text === text) {
      position += 1
      return true
    }
    return false
  }
  const word = () => {
    const token = peek()
    if (token?.type !== "word") throw new SoqlSyntaxError(`expected a name near ${token?.text ?? "the end"}`)
    position += 1
    return token.text
  }
  const value = (): SoqlValue => {
    const token = peek()
    if (!token) throw new SoqlSyntaxError("expected a value")
    position += 1
    if (token.type === "string") return token.text
    if (token.type === "number") return Number(token.text)
    if (token.type === "word") {
      const upper = token.text.toUpperCase()
      if (upper === "TRUE") return true
      if (upper === "FALSE") return false
      if (upper === "NULL") return null
    }
    throw new SoqlSyntaxError(`unexpected ${token.text}`)
  }

  expectKeyword("SELECT")
  const fields: Array<string> = []
  let count = false
  if (peek()?.text.toUpperCase() === "COUNT" && tokens[position + 1]?.text === "(") {
    position += 2
    if (!symbol(")")) throw new SoqlSyntaxError("expected )")
    count = true
  } else {
    do fields.push(word())
    while (symbol(","))
  }
  expectKeyword("FROM")
  const object = word()

  const condition = (): SoqlCondition => {
    let left = conjunction()
    while (keyword("OR")) left = { kind: "or", left, right: conjunction() }
    return left
  }
  const conjunction = (): SoqlCondition => {
    let left = factor()
    while (keyword("AND")) left = { kind: "and", left, right: factor() }
    return left
  }
  const factor = (): SoqlCondition => {
    if (keyword("NOT")) return { kind: "not", inner: factor() }
    if (symbol("(")) {
      const inner = condition()
      if (!symbol(")")) throw new SoqlSyntaxError("expected )")
      return inner
    }
    const field = word()
    const negated = keyword("NOT")
    if (keyword("IN")) {
      if (!symbol("(")) throw new SoqlSyntaxError("expected ( after IN")
      const values: Array<SoqlValue> = []
      do values.push(value())
      while (symbol(","))
      if (!symbol(")")) throw new SoqlSyntaxError("expected )")
      return { kind: "in", field, negated, values }
    }
    if (negated) throw new SoqlSyntaxError("expected IN after NOT")
    if (keyword("LIKE")) return { kind: "compare", field, operator: "LIKE", value: value() }
    const operator = peek()
    if (operator?.type !== "symbol" || !["=", "!=", "<", "<=", ">", ">="].includes(operator.text)) {
      throw new SoqlSyntaxError(`expected an operator after ${field}`)
    }
    position += 1
    return { kind: "compare", field, operator: operator.text, value: value() }
  }

  const where = keyword("WHERE") ? condition() : undefined
  const orderBy: Array<{ field: string; descending: boolean }> = []
  if (keyword("ORDER")) {
    expectKeyword("BY")
    do {
      const field = word()
      const descending = keyword("DESC")
      if (!descending) keyword("ASC")
      orderBy.push({ field, descending })
    } while (symbol(","))
  }
  let limit: number | undefined
  let offset: number | undefined
  if (keyword("LIMIT")) limit = Number(value())
  if (keyword("OFFSET")) offset = Number(value())
  if (position !== tokens.length) throw new SoqlSyntaxError(`unexpected ${peek()!.text}`)
  return { fields, count, object, where, orderBy, limit, offset }
}

const isDateTime = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value)

/** Milliseconds of a Salesforce datetime (`…+0000`, `…Z` or `…+08:00`). */
export const instantOf = (value: string) => Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))

/** Orders two field values as SOQL does: null first, strings without regard to case, datetimes by instant. */
export function compareValues(left: unknown, right: unknown): number {
  if (left === right) return 0
  if (left === null || left === undefined) return right === null || right === undefined ? 0 : -1
  if (right === null || right === undefined) return 1
  if (isDateTime(left) && isDateTime(right)) return Math.sign(instantOf(left) - instantOf(right))
  if (typeof left === "number" && typeof right === "number") return Math.sign(left - right)
  if (typeof left === "boolean" || typeof right === "boolean") return Number(left) - Number(right)
  const a = String(left).toLowerCase()
  const b = String(right).toLowerCase()
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether a record satisfies a condition; `read` resolves a field path on the record. */
export function matches(condition: SoqlCondition | undefined, read: (path: string) => unknown): boolean {
  if (condition === undefined) return true
  switch (condition.kind) {
    case "and":
      return matches(condition.left, read) && matches(condition.right, read)
    case "or":
      return matches(condition.left, read) || matches(condition.right, read)
    case "not":
      return !matches(condition.inner, read)
    case "in": {
      const actual = read(condition.field)
      const found = condition.values.some((candidate) => compareValues(actual ?? null, candidate) === 0)
      return condition.negated ? !found : found
    }
    case "compare": {
      const actual = read(condition.field) ?? null
      if (condition.operator === "LIKE") {
        const pattern = new RegExp(
          `^${String(condition.value)
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
            .replace(/%/g, ".*")
            .replace(/_/g, ".")}$`,
          "i",
        )
        return actual !== null && pattern.test(String(actual))
      }
      if (condition.value === null)
        return condition.operator === "="
          ? actual === null
          : condition.operator === "!="
            ? actual !== null
            : false
      if (actual === null) return condition.operator === "!="
      const order = compareValues(actual, condition.value)
      switch (condition.operator) {
        case "=":
          return order === 0
        case "!=":
          return order !== 0
        case "<":
          return order < 0
        case "<=":
          return order <= 0
        case ">":
          return order > 0
        default:
          return order >= 0
      }
    }
  }
}
