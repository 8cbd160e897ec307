import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The outcome of 004 ch.3 客户关系评估表 (评估结果及建议). */
export const RelationshipDecision = enumeration("grading.relationshipDecision", {
  develop: label("发展关系", "Develop the relationship"),
  maintain: label("维持关系", "Maintain the relationship"),
  terminate: label("终止关系", "Terminate the relationship"),
})

/** The outcome of a relationship evaluation. */
export type RelationshipDecision = ValueOf<typeof RelationshipDecision>
