import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The five sales bands of 004 ch.3 客户分级表 (客户等级分类: A 级 销售额所占比例 90% 以上,
 * B 级 80%–90%, C 级 70%–80%, D 级 60%–70%, E 级 60% 以下).
 */
export const SalesBand = enumeration("grading.salesBand", {
  A: label("A 级", "Band A"),
  B: label("B 级", "Band B"),
  C: label("C 级", "Band C"),
  D: label("D 级", "Band D"),
  E: label("E 级", "Band E"),
})

/** A sales band of 客户分级表. */
export type SalesBand = ValueOf<typeof SalesBand>
