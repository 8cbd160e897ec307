/**
 * 客户服务质量管理 — service quality and satisfaction (000 ch.2 and ch.10, 001 ch.6): survey
 * definitions and responses, CSAT, NPS, CES, SERVQUAL and the RATER index, satisfaction levels,
 * loyalty, Kano, previous-vs-current gaps, all with their intervals; the satisfaction survey
 * cycle and quality reviews with corrective actions closing a PDCA loop; the quality system's own
 * controlled documents, records kept for their retention, and standards published as new
 * versions of the quality policy.
 */
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
