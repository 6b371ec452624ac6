// A bounded min-heap keeping the N best (doc, score) pairs: top-k selection without sorting everything.

/** Keeps the `capacity` best documents offered; higher score wins, then the lower doc number. */
export class TopHits {
  private readonly docs: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.docs = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** True when entry i ranks below entry j. */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i]!;
    const sj = this.scores[j]!;
    return si < sj || (si === sj && this.docs[i]! > this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    const d = this.docs[i]!;
    const s = this.scores[i]!;
    this.docs[i] = this.docs[j]!;
    this.scores[i] = this.scores[j]!;
    this.docs[j] = d;
    this.scores[j] = s;
  }

  /** The score a new document must beat once the heap is full; -Infinity before. */
  threshold(): number {
    return this.size < this.capacity ? -Infinity : this.scores[0]!;
  }

  /** Offers a document; returns true when it was kept. */
  offer(doc: number, score: number): boolean {
    if (this.capacity === 0) return false;
    if (this.size < this.capacity) {
      let i = this.size++;
      this.docs[i] = doc;
      this.scores[i] = score;
      while (i > 0 && this.worse(i, (i - 1) >> 1)) {
        this.swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
      return true;
    }
    const root = this.scores[0]!;
    if (score < root || (score === root && doc > this.docs[0]!)) return false;
    this.docs[0] = doc;
    this.scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return true;
  }

  /** The kept documents, best first. */
  sorted(): { doc: number; score: number }[] {
    const out = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
