import { PriorityQueue } from "@tixi/core"
import type { Effect } from "effect"

/** Something a person of the simulation does at an instant: a customer complains, an officer acts. */
export interface Appointment<R> {
  readonly at: number
  readonly order: number
  readonly run: () => Effect.Effect<void, never, R>
}

/**
 * The simulation's diary: appointments by instant, ties in the order they were made, so a run
 * does the same things in the same order every time.
 */
export class Agenda<R> {
  private readonly queue = new PriorityQueue<Appointment<R>>(
    (left, right) => left.at < right.at || (left.at === right.at && left.order < right.order),
  )
  private made = 0

  get size(): number {
    return this.queue.size
  }

  /** Makes an appointment. */
  add(at: number, run: () => Effect.Effect<void, never, R>): void {
    this.queue.push({ at, order: ++this.made, run })
  }

  /** The next appointment, without taking it. */
  peek(): Appointment<R> | undefined {
    return this.queue.peek()
  }

  /** Takes the next appointment. */
  take(): Appointment<R> | undefined {
    return this.queue.pop()
  }
}
