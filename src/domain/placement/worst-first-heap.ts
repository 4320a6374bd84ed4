/** The applications a school holds, the worst (highest key) on top, so that a better proposal displaces it in O(log n). */
export class WorstFirstHeap {
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  worstKey(): number {
    return this.keys[0]!;
  }

  push(id: number, key: number): void {
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.move(parent, at);
      at = parent;
    }
    this.keys[at] = key;
    this.ids[at] = id;
  }

  /** Puts the application in place of the worst one and gives back the id of the one displaced. */
  replaceWorst(id: number, key: number): number {
    const displaced = this.ids[0]!;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const larger = right < this.size && this.keys[right]! > this.keys[left]! ? right : left;
      if (this.keys[larger]! <= key) break;
      this.move(larger, at);
      at = larger;
    }
    this.keys[at] = key;
    this.ids[at] = id;
    return displaced;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.ids[to] = this.ids[from]!;
  }
}
