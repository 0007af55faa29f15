/**
 * The agents on duty as a binary min-heap of the instants (seconds) at which each becomes free.
 * FCFS with identical agents means each contact takes the agent that frees first.
 */
export class AgentHeap {
  private readonly free: Float64Array;
  private count = 0;

  /** @param capacity the most agents ever on duty at once */
  constructor(capacity: number) {
    this.free = new Float64Array(Math.max(1, capacity));
  }

  /** Agents on duty. */
  get size(): number {
    return this.count;
  }

  /** When the first agent frees, seconds (Infinity with nobody on duty). */
  earliest(): number {
    return this.count === 0 ? Infinity : this.free[0];
  }

  /** An agent joins, free from `at` seconds. */
  add(at: number): void {
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.free[parent] <= at) break;
      this.free[i] = this.free[parent];
      i = parent;
    }
    this.free[i] = at;
  }

  /** The agent that frees first takes a contact and is free again at `until` seconds. */
  assignEarliest(until: number): void {
    this.siftDown(0, until);
  }

  /** The agent at heap position `index` (0 <= index < size) goes off duty after any contact in hand. */
  removeAt(index: number): void {
    const last = this.free[--this.count];
    if (index === this.count) return;
    // Put the last entry in the hole, then move it up or down to its place.
    let i = index;
    while (i > 0 && this.free[(i - 1) >> 1] > last) {
      this.free[i] = this.free[(i - 1) >> 1];
      i = (i - 1) >> 1;
    }
    if (i === index) this.siftDown(index, last);
    else this.free[i] = last;
  }

  private siftDown(from: number, value: number): void {
    const { free, count } = this;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= count) break;
      if (child + 1 < count && free[child + 1] < free[child]) child++;
      if (free[child] >= value) break;
      free[i] = free[child];
      i = child;
    }
    free[i] = value;
  }
}
