// The embedder interface shared by the transformers model and the offline hash embedder.

/** Turns texts into unit-length vectors of a fixed dimension. */
export interface Embedder {
  /** Stable id recorded in the index manifest, e.g. "hash-ngram-v1" or "transformers". */
  readonly id: string;
  /** Model name recorded in the manifest (hash: a description of the scheme). */
  readonly model: string;
  readonly dimension: number;
  /** Embeds passages (documents) in batches; each vector has length `dimension` and norm 1. */
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** Embeds a search query (a model may add a query instruction). */
  embedQuery(text: string): Promise<number[]>;
}
