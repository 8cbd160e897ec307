import type { z } from "zod"
import type { DepartmentId } from "../ids/ids.ts"
import { commandIdSchema } from "./decider-support.ts"

/**
 * The zod validator of a department id inside commands (the department a call is handed to, the
 * department a review covers). A cast rather than a `.transform`, like `personIdSchema`: the brand
 * exists only for the type checker, and a transform would parse every command more slowly.
 */
export const departmentIdSchema = commandIdSchema as unknown as z.ZodType<DepartmentId>
