// Search across assets and remediation cases (the dashboard's header box).

export { normalize, rankHits, type SearchHit, strength } from './rank.js';
export { MAX_QUERY_CHARS, searchAll } from './search.js';
