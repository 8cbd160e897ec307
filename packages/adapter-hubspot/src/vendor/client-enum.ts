/**
 * A value of one of `@hubspot/api-client`'s model enums, from its wire text. The text is checked
 * against the enum's values when compiled (`${Enum}` is the union of them), so a request body is
 * typed by the client's model without a cast; the enum is imported as a type only, because the
 * client's model paths are deep CommonJS paths Node's ESM loader does not resolve.
 */
export const clientEnum = <Enum extends string>(value: `${Enum}`): Enum => value as Enum
