export { type ImportGraph, checkLayers, type Violation } from './check.js';
export { type Import, readImports } from './imports.js';
export { LAYERS, type Layer, layerOf, SOURCE_ROOTS } from './rules.js';
