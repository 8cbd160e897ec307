import {
  type AccessModule,
  type FieldClassification,
  moduleDefaultLevel,
  moduleOfIdPrefix,
  unclassifiedField,
} from "@tixi/core"

/**
 * The module whose workflow each process's state belongs to: the keys of its state that are not a
 * form (stage, deadlines, the handler, remedy amounts) are that module's own records, read at its
 * default level (a complaint's at 内部), so an officer reads the case they work on. A process not
 * named here is placed by the first part of its name (`credit.standard` → credit), as form ids
 * are; one whose name names no module keeps every such key at 机密.
 */
export type ProcessModules = Readonly<Record<string, AccessModule>>

/** The shipped processes' modules: the complaint process's workflow is the complaints module's. */
export const defaultProcessModules: ProcessModules = { complaint: "complaints" }

/**
 * How a process's own records (its state's keys that are no form, its instance ids in status and
 * dead letters) are classified: at its module's default level under that module, or as
 * unclassified 机密 when tixi cannot place the process.
 */
export function workflowField(process: string, processModules: ProcessModules): FieldClassification {
  const module = Object.hasOwn(processModules, process) ? processModules[process] : moduleOfIdPrefix(process)
  return module === undefined ? unclassifiedField : { level: moduleDefaultLevel[module], module }
}
