import { z } from "zod"
import type { Instant } from "../time/instant.ts"
import { commandInstantSchema } from "./decider-support.ts"
import { rememberKnownFields } from "./known-field-parsing.ts"

/** A value and everything inside it read-only, as commands and events are once decided. */
export type DeepReadonly<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends ReadonlyArray<infer Item>
    ? ReadonlyArray<DeepReadonly<Item>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T

/** The fields of one command beside `type` and `at`, as zod validators (a step's form). */
export type CommandFields = Readonly<Record<string, z.ZodType>>

/** The validator of one command: a strict object of its fields with its `type` and its instant. */
export type CommandShape<Type extends string, Fields extends CommandFields> = z.ZodObject<
  { type: z.ZodLiteral<Type>; at: z.ZodType<Instant> } & Fields,
  z.core.$strict
>

/**
 * One command of a flow: a step someone performs, with the form it fills. Unknown fields are
 * refused (`strictObject`), so a misspelt optional field is an error naming it, not lost data.
 */
export function commandShape<Type extends string, Fields extends CommandFields>(
  type: Type,
  fields: Fields,
): CommandShape<Type, Fields> {
  return z.strictObject({ type: z.literal(type), at: commandInstantSchema, ...fields }) as CommandShape<
    Type,
    Fields
  >
}

/** A command the flow sends itself when a timer fires (nothing but its type and instant). */
export const timerCommand = <Type extends string>(type: Type): CommandShape<Type, {}> =>
  commandShape(type, {})

/** The TypeScript type of a command validator: what the decider reads after validation. */
export type ShapedCommand<Shape extends z.ZodType> = DeepReadonly<z.output<Shape>>

/**
 * The validator of all of a flow's commands, by `type`: what `parseProcessCommand` checks every
 * command against before the decider sees it.
 */
export function commandUnion<const Shapes extends readonly [z.ZodType, ...Array<z.ZodType>]>(
  ...shapes: Shapes
): z.ZodType<ShapedCommand<Shapes[number]>> {
  const union = z.discriminatedUnion(
    "type",
    shapes as unknown as readonly [z.ZodObject<{ type: z.ZodLiteral<string> }>],
  ) as unknown as z.ZodType<ShapedCommand<Shapes[number]>>
  rememberKnownFields(union, shapes)
  return union
}

/**
 * An event's type: its name, its instant and its fields. Events need no validator — only
 * `decide` makes them — so a flow writes each as one line of fields.
 */
export type FlowEvent<Type extends string, Fields extends object = {}> = {
  readonly type: Type
  readonly at: Instant
} & { readonly [K in keyof Fields]: Fields[K] }

/** The fields a command carries besides its type and instant: what an event that records the step repeats. */
export type StepFields<Command extends { readonly type: string }, Type extends Command["type"]> = Omit<
  Extract<Command, { readonly type: Type }>,
  "type" | "at"
>
