export { DataTransferModule, DataTransferWorkerModule, ImportJobsModule } from './data-transfer.module';
export { ImportEngine, IMPORT_CHUNK } from './import/import-engine';
export { DryRunImportJob } from './import/jobs/dry-run-import.job';
export { RunImportJob } from './import/jobs/run-import.job';
export { type ImportKind } from './import/import-fields';
export { csvCell, csvLine, UTF8_BOM } from './csv/csv-writer';
export { filterFromQuery } from './http/query-filter';
export { readCsv, CsvFileError } from './csv/csv-reader';
