export * from "./information-confidentiality.ts"
