// Chunks as the index holds them: the verbatim chunk plus text prepared at ingest (folded copy, sentences, paragraph).
import { foldText, prepareText, type ArticleMeta, type Chunk } from '../ingest/index.js';

/** One sentence of a chunk: verbatim text, its folded copy (foldForMatch), and its offset in the chunk's text. */
export type ChunkSentence = { text: string; folded: string; start: number };

/** A chunk's paragraph (its parts joined, overlap dropped; the chunk itself when the paragraph is one chunk). */
export type ChunkParagraph = { text: string; folded: string };

/** Marks "no next part" in PreparedColumns.nextPart. */
export const NO_PART = 0xffffffff;

/**
 * Prepared text of all chunks of an index, in columns (what chunks.bin stores beside the texts).
 * Chunk i's sentences are entries sentenceAt[i]..sentenceAt[i+1] of `starts` (offsets in its
 * text) and `foldedStarts` (offsets in its folded copy); firstPart[i] is the label of the first
 * chunk of its paragraph and nextPart[i] the label of the next (NO_PART after the last).
 */
export type PreparedColumns = {
  folded: (label: number) => string;
  sentenceAt: Uint32Array;
  starts: Uint32Array;
  foldedStarts: Uint32Array;
  firstPart: Uint32Array;
  nextPart: Uint32Array;
};

/**
 * A chunk of a built or loaded index. Besides the Chunk fields it gives, without folding or
 * splitting anything at question time: `folded` (foldForMatch of the text), `sentences`,
 * `titleFolded` / `townFolded` (of its article), and `wholeParagraph` (verbatim and folded). Each is decoded on first use and kept.
 */
export class IndexedChunk implements Chunk {
  readonly id: string;
  readonly text: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly paragraph: number;
  readonly part: number;
  readonly meta: ArticleMeta;
  // Declared only, so a chunk without a page has no own `page` property (as a Chunk without one).
  declare readonly page?: number;
  // Private fields, so an IndexedChunk's own properties are exactly a Chunk's (equality, JSON, spread).
  readonly #label: number;
  readonly #columns: PreparedColumns;
  readonly #all: readonly IndexedChunk[];
  readonly #metaFolded: { title: string; town: string };
  #folded: string | undefined;
  #sentences: ChunkSentence[] | undefined;
  #titled: string[] | undefined;
  #paragraph: ChunkParagraph | undefined;

  constructor(chunk: Chunk, label: number, columns: PreparedColumns, all: readonly IndexedChunk[], metaFolded: { title: string; town: string }) {
    ({ id: this.id, text: this.text, lineStart: this.lineStart, lineEnd: this.lineEnd, paragraph: this.paragraph, part: this.part, meta: this.meta } = chunk);
    if (chunk.page) (this as { page?: number }).page = chunk.page;
    this.#label = label;
    this.#columns = columns;
    this.#all = all;
    this.#metaFolded = metaFolded;
  }

  /** Position of the chunk in its index (its HNSW label and BM25 document number). */
  get label(): number {
    return this.#label;
  }

  /** The prepared columns of its index (shared by all its chunks). */
  get columns(): PreparedColumns {
    return this.#columns;
  }

  /** The text folded for matching (Traditional→Simplified, full→half width, lower case). */
  get folded(): string {
    return (this.#folded ??= this.#columns.folded(this.#label));
  }

  /** The article title, folded. */
  get titleFolded(): string {
    return this.#metaFolded.title;
  }

  /** The town (industry) name, folded. */
  get townFolded(): string {
    return this.#metaFolded.town;
  }

  /** The text's sentences (splitSentences), each with its folded copy. */
  get sentences(): ChunkSentence[] {
    if (this.#sentences) return this.#sentences;
    const { sentenceAt, starts, foldedStarts } = this.#columns;
    const from = sentenceAt[this.#label]!;
    const to = sentenceAt[this.#label + 1]!;
    const out: ChunkSentence[] = [];
    for (let j = from; j < to; j++) {
      const end = j + 1 < to ? starts[j + 1]! : this.text.length;
      const foldedEnd = j + 1 < to ? foldedStarts[j + 1]! : this.folded.length;
      out.push({ text: this.text.slice(starts[j], end), folded: this.folded.slice(foldedStarts[j], foldedEnd), start: starts[j]! });
    }
    return (this.#sentences = out);
  }

  /**
   * Sentence `i` folded and trimmed, after the folded article title and town: "<title> <town> <sentence>",
   * the text a sentence is scored on (made once per chunk, not per question); "" past the last sentence.
   */
  titledSentence(i: number): string {
    this.#titled ??= this.sentences.map((s) => `${this.titleFolded} ${this.townFolded} ${s.folded.trim()}`);
    return this.#titled[i] ?? '';
  }

  /** The whole paragraph this chunk was cut from: its parts in order, each part's repeated first sentence dropped. */
  get wholeParagraph(): ChunkParagraph {
    const { firstPart, nextPart } = this.#columns;
    const first = this.#all[firstPart[this.#label]!]!;
    if (first !== this) return first.wholeParagraph;
    if (this.#paragraph) return this.#paragraph;
    let text = '';
    let folded = '';
    let last: ChunkSentence | undefined;
    for (let l = this.#label; l !== NO_PART; l = nextPart[l]!) {
      const c = this.#all[l]!;
      const overlap = last && c.text.startsWith(last.text) ? last : undefined;
      text += overlap ? c.text.slice(overlap.text.length) : c.text;
      folded += overlap ? c.folded.slice(overlap.folded.length) : c.folded;
      last = c.sentences.at(-1);
    }
    return (this.#paragraph = { text, folded });
  }
}

/** Paragraph key of a chunk: the chunks of one paragraph share source, title and paragraph number. */
const paragraphKey = (c: Chunk) => `${c.meta.source}\u0000${c.meta.title}\u0000${c.paragraph}`;

/** firstPart and nextPart columns of chunks (parts ordered by their part number). */
export function paragraphLinks(chunks: readonly Chunk[]): { firstPart: Uint32Array; nextPart: Uint32Array } {
  const groups = new Map<string, number[]>();
  chunks.forEach((c, label) => {
    const key = paragraphKey(c);
    const group = groups.get(key);
    if (group) group.push(label);
    else groups.set(key, [label]);
  });
  const firstPart = new Uint32Array(chunks.length);
  const nextPart = new Uint32Array(chunks.length).fill(NO_PART);
  for (const labels of groups.values()) {
    labels.sort((a, b) => chunks[a]!.part - chunks[b]!.part || a - b);
    labels.forEach((label, i) => {
      firstPart[label] = labels[0]!;
      if (i + 1 < labels.length) nextPart[label] = labels[i + 1]!;
    });
  }
  return { firstPart, nextPart };
}

/** Folds text at ingest (foldText), computing each distinct article's title and town once. */
function metaFolds(): (meta: ArticleMeta) => { title: string; town: string } {
  const seen = new Map<ArticleMeta, { title: string; town: string }>();
  return (meta) => {
    let f = seen.get(meta);
    if (!f) seen.set(meta, (f = { title: foldText(meta.title), town: foldText(meta.town) }));
    return f;
  };
}

/** IndexedChunks over prepared columns (the columns' labels are the chunks' positions). */
export function indexedChunks(chunks: readonly Chunk[], columns: PreparedColumns): IndexedChunk[] {
  const all: IndexedChunk[] = new Array(chunks.length);
  const folds = metaFolds();
  chunks.forEach((c, label) => {
    all[label] = new IndexedChunk(c, label, columns, all, folds(c.meta));
  });
  return all;
}

/** Folds and splits chunks (what ingest does once per chunk) and returns them as IndexedChunks. */
export function prepareChunks(chunks: readonly Chunk[]): IndexedChunk[] {
  const prepared = chunks.map((c) => prepareText(c.text));
  const sentenceAt = new Uint32Array(chunks.length + 1);
  prepared.forEach((p, i) => (sentenceAt[i + 1] = sentenceAt[i]! + p.starts.length));
  const columns: PreparedColumns = {
    folded: (label) => prepared[label]!.folded,
    sentenceAt,
    starts: Uint32Array.from(prepared.flatMap((p) => p.starts)),
    foldedStarts: Uint32Array.from(prepared.flatMap((p) => p.foldedStarts)),
    ...paragraphLinks(chunks),
  };
  return indexedChunks(chunks, columns);
}

const prepared = new WeakMap<Chunk, IndexedChunk>();

/**
 * The prepared text of any chunk: an index's own chunk as it is; another chunk (a test's fixture,
 * a chunk built by hand) prepared once as a paragraph of its own and kept while the chunk lives.
 */
export function indexedChunk(chunk: Chunk): IndexedChunk {
  if (chunk instanceof IndexedChunk) return chunk;
  let c = prepared.get(chunk);
  if (!c) prepared.set(chunk, (c = prepareChunks([chunk])[0]!));
  return c;
}

/** A chunk's folded copy and sentence starts, read from its index's columns or prepared now (a plain chunk). */
export function preparedTextOf(chunk: Chunk): { folded: string; starts: ArrayLike<number>; foldedStarts: ArrayLike<number> } {
  if (!(chunk instanceof IndexedChunk)) return prepareText(chunk.text);
  const { sentenceAt, starts, foldedStarts } = chunk.columns;
  const [from, to] = [sentenceAt[chunk.label]!, sentenceAt[chunk.label + 1]!];
  return { folded: chunk.folded, starts: starts.subarray(from, to), foldedStarts: foldedStarts.subarray(from, to) };
}
