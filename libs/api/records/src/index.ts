// The records floor (decision 055): what every record type shares. Domains import it; it imports no domain.
export { RecordsModule } from './records.module';
export { keysetCursor, keysetPage, orderedCursor, encodeOrderedCursor, type KeysetPage, type ListOrder } from './sql/keyset-cursor';
export { timeKeyOrder, timeKeysetList, type TimeKey, type TimeKeysetQuery } from './sql/time-keyset';
export { textSearch, searchTerms, type TextSearch, type TextSearchOptions } from './sql/text-search';
export { withoutNulls } from './graphql/without-nulls';
export { RecordSortEnum, RecordVersionInputType, MergeRecordsInputType } from './graphql/record.inputs';
export { TagObject, CreateTagInputType } from './graphql/tag.object';
export { RecordRules } from './rules/record-rules';
export type { TagRow } from './rules/tag.repository';
export { MergeHooks, type MergeHook, type MergeStep } from './merge/merge-hooks';
export { combineNotes } from './merge/combine-notes';
export { RecordWriter, type RecordChange, type AlsoChange, type MergeSpec } from './write/record-writer';
export { insertRecordRow, updateRecordRowVersioned } from './write/row-writes';
export type { RecordKind, VersionedRow, VersionedStore, LifecycleValues } from './write/record-kind';
export { insertMany, updateManyVersioned, type BulkTable, type BulkColumn } from './bulk/bulk-writes';
export {
  TransferModule,
  TransferRegistry,
  type ExportCell,
  type ExportColumn,
  type ExportList,
  type ExportQuery,
  type ImportFieldSpec,
  type TransferLang,
} from './transfer/transfer-registry';
export { catalogueLabels, exportCells, languageLabels, ownerEmailShaper, yesNoLabels, MULTI_VALUE_SEPARATOR, type Labels } from './transfer/transfer-labels';
export { dateColumn, fieldColumn, labelColumn, recordColumns } from './transfer/export-columns';
export { commonImportFields } from './transfer/common-import-fields';
export { guessMapping, normalizeWords, recognisesAnyHeader } from './transfer/guess-mapping';
export type {
  FieldCells,
  ImportPending,
  ImportReport,
  ImportState,
  ImportTarget,
  ImportVocabulary,
  ImportWritten,
  RowInput,
  RowProblem,
} from './transfer/import-target';
export {
  importOwners,
  inputBuilder,
  oneOf,
  optionsOf,
  organizationLike,
  personLike,
  readBoolean,
  readDate,
  readLanguage,
  readOne,
  readOwner,
  readProvince,
  readTags,
  splitList,
  unescapeCell,
  vocabularyReader,
} from './transfer/row-readers';
