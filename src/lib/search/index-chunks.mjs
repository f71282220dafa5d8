/**
 * How many words each part (chunk) of the search index holds. A search fetches the chunks that
 * hold its words' prefixes, and a first search waits for its chunk: Pagefind cuts a chunk every
 * 20,000 words by default, about 30 KB (gzip) each here, which alone took a first search past its
 * 100 KB budget. At 2,000 words a chunk is a few KB. Pagefind 1.6.0 reads this from the
 * environment variable PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (an unstable setting, so package.json
 * pins pagefind to 1.6.0; tests/site/search-index.test.ts fails if a version ignores it).
 */
export const INDEX_CHUNK_WORDS = 2000;

/** The environment variable Pagefind's indexer reads it from. */
export const INDEX_CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
