import GraphQLJSON from 'graphql-type-json';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';

export enum ImportStatusEnum {
  UPLOADED = 'uploaded',
  MAPPED = 'mapped',
  VALIDATING = 'validating',
  VALIDATED = 'validated',
  IMPORTING = 'importing',
  IMPORTED = 'imported',
  CANCELLED = 'cancelled',
  FAILED = 'failed',
}
registerEnumType(ImportStatusEnum, {
  name: 'ImportStatus',
  description: 'uploaded → mapped → validating (dry run) → validated → importing → imported; or cancelled, failed',
});

export enum DuplicatePolicyEnum {
  UPDATE = 'UPDATE',
  SKIP = 'SKIP',
}
registerEnumType(DuplicatePolicyEnum, { name: 'DuplicatePolicy', description: 'What a row that duplicates a record (or an earlier row) does' });

export enum ImportRowFateEnum {
  CREATE = 'create',
  UPDATE = 'update',
  SKIP = 'skip',
  ERROR = 'error',
}
registerEnumType(ImportRowFateEnum, { name: 'ImportRowFate', description: 'What the dry run says a row will do' });

export enum ImportRowAppliedEnum {
  CREATED = 'created',
  UPDATED = 'updated',
  SKIPPED = 'skipped',
  FAILED = 'failed',
}
registerEnumType(ImportRowAppliedEnum, { name: 'ImportRowApplied', description: 'What the import did with a row' });

@ObjectType('ImportColumnMapping')
export class ImportColumnMappingObject {
  @Field(() => Int, { description: '0-based column of the file' }) column: number;
  @Field() header: string;
  @Field(() => String, { nullable: true, description: 'The field it feeds; null: not imported' }) field: string | null;
}

@ObjectType('ImportProgress')
export class ImportProgressObject {
  @Field(() => Int, { description: 'Rows the dry run has checked' }) validatedRows: number;
  @Field(() => Int, { description: 'Rows the import has applied (created, updated, skipped or failed)' }) appliedRows: number;
  @Field(() => Int, { description: 'Rows the import will apply: all but the invalid ones' }) rowsToApply: number;
}

@ObjectType('ImportCounts')
export class ImportCountsObject {
  @Field(() => Int, { description: 'Dry run: rows that will create a record' }) create: number;
  @Field(() => Int) update: number;
  @Field(() => Int) skip: number;
  @Field(() => Int) error: number;
  @Field(() => Int, { description: 'Run: records created so far' }) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) skipped: number;
  @Field(() => Int) failed: number;
}

@ObjectType('ImportProblemSummary')
export class ImportProblemSummaryObject {
  @Field(() => String, { nullable: true }) field: string | null;
  @Field() message: string;
  @Field(() => Int) count: number;
}

@ObjectType('ImportBatch')
export class ImportBatchObject {
  @Field(() => ID) id: string;
  @Field({ description: 'The import target it feeds (`people`, `organizations`, `outreach`…): see `importTargets`' }) kind: string;
  @Field(() => ImportStatusEnum) status: ImportStatusEnum;
  @Field() filename: string;
  @Field({ description: 'Detected: utf-8, utf-8-bom, windows-1252, utf-16le or utf-16be' }) encoding: string;
  @Field() delimiter: string;
  @Field(() => [String]) headers: string[];
  @Field(() => Int) rowCount: number;
  @Field(() => [ImportColumnMappingObject], { nullable: true }) mapping: ImportColumnMappingObject[] | null;
  @Field(() => DuplicatePolicyEnum, { nullable: true }) duplicatePolicy: DuplicatePolicyEnum | null;
  @Field({ deprecationReason: 'Invalid rows never block an import any more: they are always left out and listed' }) skipInvalidRows: boolean;
  @Field(() => ImportProgressObject) progress: ImportProgressObject;
  @Field(() => ImportCountsObject) counts: ImportCountsObject;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) validatedAt: Date | null;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('ImportTarget', { description: 'What can be imported from a file: registered by the module that owns the records' })
export class ImportTargetObject {
  @Field({ description: 'The `kind` of an upload (`POST /imports?kind=`) and of its batch' }) kind: string;
  @Field() labelEn: string;
  @Field() labelFr: string;
}

@ObjectType('ImportBatchConnection')
export class ImportBatchConnection {
  @Field(() => [ImportBatchObject]) nodes: ImportBatchObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('ImportField')
export class ImportFieldObject {
  @Field() name: string;
  @Field() labelEn: string;
  @Field() labelFr: string;
  @Field() required: boolean;
  @Field({ description: 'Several columns may feed it; a cell may hold several values separated by ";"' }) multiple: boolean;
}

@ObjectType('ImportColumnGuess')
export class ImportColumnGuessObject {
  @Field(() => Int) column: number;
  @Field() header: string;
  @Field(() => String, { nullable: true }) field: string | null;
  @Field(() => [String], { description: 'Up to three values from the first rows' }) samples: string[];
}

@ObjectType('ImportMappingGuess')
export class ImportMappingGuessObject {
  @Field(() => [ImportColumnGuessObject]) columns: ImportColumnGuessObject[];
  @Field(() => [ImportFieldObject], { description: 'The fields this kind of import can fill' }) fields: ImportFieldObject[];
}

@ObjectType('ImportRowProblem')
export class ImportRowProblemObject {
  @Field(() => String, { nullable: true }) field: string | null;
  @Field(() => String, { nullable: true, description: "The file's column name(s) for the field" }) column: string | null;
  @Field({ description: 'In English, for API users; screens show `problem.<code>` when there is a code' }) message: string;
  @Field(() => String, { nullable: true, description: 'A problem code of @crm/contracts, when the problem has one' }) code?: string | null;
  @Field(() => GraphQLJSON, { nullable: true, description: "The code's parameters" }) params?: Record<string, string | number> | null;
  @Field(() => Boolean, { description: 'Not a reason to refuse the row: something was left out of it' }) warning: boolean;
}

@ObjectType('ImportRow')
export class ImportRowObject {
  @Field(() => Int) rowNumber: number;
  @Field(() => Int, { description: 'Line of the file where the row starts' }) lineNumber: number;
  @Field(() => [String]) cells: string[];
  @Field(() => ImportRowFateEnum, { nullable: true }) fate: ImportRowFateEnum | null;
  @Field(() => [ImportRowProblemObject]) problems: ImportRowProblemObject[];
  @Field(() => ID, { nullable: true, description: 'The existing record it updates or duplicates' }) matchId: string | null;
  @Field(() => Int, { nullable: true, description: 'The earlier row of the file it duplicates' }) duplicateOfRow: number | null;
  @Field(() => ImportRowAppliedEnum, { nullable: true }) applied: ImportRowAppliedEnum | null;
  @Field(() => ID, { nullable: true, description: 'The record the import created or updated' }) recordId: string | null;
}

@ObjectType('ImportRowConnection')
export class ImportRowConnection {
  @Field(() => [ImportRowObject]) nodes: ImportRowObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@InputType('ImportColumnMappingInput')
export class ImportColumnMappingInputType {
  @Field(() => Int) column: number;
  @Field(() => String, { nullable: true }) field: string | null;
}

@InputType('SetImportMappingInput')
export class SetImportMappingInputType {
  @Field(() => ID) batchId: string;
  @Field(() => [ImportColumnMappingInputType]) mapping: ImportColumnMappingInputType[];
  @Field(() => DuplicatePolicyEnum) duplicatePolicy: DuplicatePolicyEnum;
  @Field(() => Boolean, {
    nullable: true,
    deprecationReason: 'Invalid rows never block an import any more: they are always left out and listed',
  })
  skipInvalidRows: boolean | null;
}
