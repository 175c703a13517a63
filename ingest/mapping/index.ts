export { type CompileOptions, compileMapping, type Mapped, type Mapping, parseMapping } from './compile.js';
export { MappingFile, type SkipRule } from './file.js';
export { loadMapping } from './load.js';
export { applyMapping, type SkippedRow } from './rows.js';
