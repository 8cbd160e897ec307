export * from "./always-open.ts"
export {
  type BusinessCalendar,
  type CalendarDayDescription,
  makeBusinessCalendar,
  type WorkingInterval,
} from "./business-calendar.ts"
export * from "./calendar-definition.ts"
export * from "./china/2025.ts"
export * from "./china/2026.ts"
export * from "./china/official-holiday-year.ts"
export * from "./china/years.ts"
export * from "./china-mainland.ts"
export * from "./labels.ts"
