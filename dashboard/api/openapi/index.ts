// The API's description (OpenAPI 3.1, served at /api/v1/openapi.json) and the JSON Schemas of
// the hand-edited files, generated from the zod schemas the product checks with.

export { type BodyName, BODIES, bodySchemas } from './bodies.js';
export { type OpenApiDocument, openApiDocument } from './document.js';
export { type FileSchema, fileSchemas, fileText } from './file-schemas.js';
export { type JsonSchema, jsonSchemaOf } from './json-schema.js';
export type { ApiRoute, Format, Method, QueryParam } from './route.js';
export { paramsOf } from './query.js';
export { openApiRouter, productVersion } from './router.js';
export { API_ROUTES } from './table.js';
