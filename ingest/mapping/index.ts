export {
  type CompileOptions,
  compileMapping,
  type Mapped,
  type Mapping,
  parseMapping,
  type RouteInfo,
} from './compile.js';
export { AssetDeriver, DEFAULT_PICK, type DeriveOptions, type DerivedAssets, median } from './derive.js';
export { type Derive, MappingFile, PICKS, type Pick, type SkipRule } from './file.js';
export { loadMapping } from './load.js';
export { applyMapping, oneIssue, type SkippedRow } from './rows.js';
export {
  localIso,
  parseTimeIn,
  readWallClock,
  TIME_FIELDS,
  TIME_FORMAT_EXAMPLES,
  TIME_FORMATS,
  type TimeFormat,
} from './time-format.js';
