// Named errors of the index layer, each with a stable code and a message that says what to do.

/** The index folder has no built index. */
export class IndexNotBuiltError extends Error {
  readonly code = 'index_not_built';
  constructor(dir: string) {
    super(`no index in ${dir}: run \`npm run ingest\` first`);
  }
}

/** The index was built with another embedder, model or format than the one configured. */
export class IndexMismatchError extends Error {
  readonly code = 'index_mismatch';
}

/** An index file is missing, truncated or corrupt. */
export class IndexCorruptError extends Error {
  readonly code = 'index_corrupt';
}

/** The configured vector store's package is not installed. */
export class VectorStoreUnavailableError extends Error {
  readonly code = 'vector_store_unavailable';
}

/** Another live process is writing the index folder (its LOCK names it). */
export class IndexLockedError extends Error {
  readonly code = 'index_locked';
}

/** The index folder holds complete builds but no CURRENT pointer: never rebuilt over silently. */
export class IndexPointerMissingError extends Error {
  readonly code = 'index_pointer_missing';
  constructor(
    readonly dir: string,
    readonly builds: string[],
  ) {
    super(
      `index folder ${dir} holds ${builds.length === 1 ? 'a build' : 'builds'} (${builds.join(', ')}) but no CURRENT pointer; ` +
        `to keep ${builds.length === 1 ? 'it' : 'the newest'}, run \`echo ${builds.at(-1)} > ${dir}/CURRENT\`; ` +
        `to start over, remove ${builds.length === 1 ? 'that folder' : 'those folders'} and run \`npm run ingest\``,
    );
  }
}
