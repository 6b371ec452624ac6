// Public surface of ingest/: article files -> repaired articles -> chunks.
export { loadGazetteer, type Gazetteer } from './gazetteer.js';
export { CorpusError } from './load-corpus.js';
export { detectDocumentType, TYPE_EXTENSIONS, type DocumentType } from './document-type.js';
export { DOCUMENT_PARSED, parseDocument, readDocument, type ParsedDocument } from './read-document.js';
export { countedFamily, extractFacts, extractFigures, ORGANISATION_KINDS, splitClauses, unitScale } from './extract-facts.js';
export { factSchema, isHeadTime, type Fact, type FactKind } from './fact-types.js';
export { arabicFigures, ERAS, myriadFigures, parseNumber } from './chinese-numbers.js';
export { foldForMatch, foldText, stripSpace, toHalfWidth } from './normalize-text.js';
export { parsePage } from './parse-page.js';
export { prepareText, type PreparedText } from './prepare-text.js';
export { readCorpus } from './read-corpus.js';
export { splitSentences, type Sentence } from './split-passages.js';
export type { ArticleMeta, Chunk } from './types.js';
export { chunkSchema } from './types.js';
