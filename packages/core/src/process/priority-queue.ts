/**
 * A binary min-heap: `push` and `pop` in O(log n). The in-memory runner keeps its deadlines in
 * one; simulations keep their diaries in one. `before(left, right)` orders the items; give it a
 * tie-breaker (an insertion counter) when runs must be reproducible.
 */
export class PriorityQueue<Item> {
  private readonly items: Array<Item> = []
  private readonly before: (left: Item, right: Item) => boolean

  constructor(before: (left: Item, right: Item) => boolean) {
    this.before = before
  }

  /** How many items are queued. */
  get size(): number {
    return this.items.length
  }

  /** The first item, without taking it. */
  peek(): Item | undefined {
    return this.items[0]
  }

  /** Queues an item. */
  push(item: Item): void {
    const items = this.items
    items.push(item)
    let index = items.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!this.before(items[index]!, items[parent]!)) break
      this.swap(index, parent)
      index = parent
    }
  }

  /** Takes the first item. */
  pop(): Item | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length === 0 || last === undefined) return top
    items[0] = last
    let index = 0
    for (;;) {
      const left = index * 2 + 1
      const right = left + 1
      let first = index
      if (left < items.length && this.before(items[left]!, items[first]!)) first = left
      if (right < items.length && this.before(items[right]!, items[first]!)) first = right
      if (first === index) return top
      this.swap(index, first)
      index = first
    }
  }

  private swap(left: number, right: number): void {
    const items = this.items
    const held = items[left]!
    items[left] = items[right]!
    items[right] = held
  }
}
