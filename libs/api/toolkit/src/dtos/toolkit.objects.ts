import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  toolkitEditionValues,
  toolkitItemKindValues,
  toolkitRequestSourceValues,
  toolkitRequestStatusValues,
  toolkitStepValues,
  type Language,
  type ToolkitEdition,
  type ToolkitItemKind,
  type ToolkitRequestSource,
  type ToolkitRequestStatus,
  type ToolkitStep,
} from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { PageInfoObject } from '@crm/platform';

// GraphQL enums from the contracts' value lists: one source for both.
export const ToolkitItemKindEnum = Object.fromEntries(toolkitItemKindValues.map((v) => [v, v])) as { [K in ToolkitItemKind]: K };
registerEnumType(ToolkitItemKindEnum, { name: 'ToolkitItemKind' });
export const ToolkitEditionEnum = Object.fromEntries(toolkitEditionValues.map((v) => [v, v])) as { [K in ToolkitEdition]: K };
registerEnumType(ToolkitEditionEnum, { name: 'ToolkitEdition', description: 'en, fr, or bilingual (one edition printed in both languages)' });
export const ToolkitRequestStatusEnum = Object.fromEntries(toolkitRequestStatusValues.map((v) => [v, v])) as { [K in ToolkitRequestStatus]: K };
registerEnumType(ToolkitRequestStatusEnum, { name: 'ToolkitRequestStatus' });
export const ToolkitRequestSourceEnum = Object.fromEntries(toolkitRequestSourceValues.map((v) => [v, v])) as { [K in ToolkitRequestSource]: K };
registerEnumType(ToolkitRequestSourceEnum, { name: 'ToolkitRequestSource' });
export const ToolkitStepEnum = Object.fromEntries(toolkitStepValues.map((v) => [v, v])) as { [K in ToolkitStep]: K };
registerEnumType(ToolkitStepEnum, { name: 'ToolkitStep', description: 'approve, assign, ship, deliver or decline' });

@ObjectType('ToolkitItem', { description: 'One edition (English, French or bilingual) of a campaign material' })
export class ToolkitItemObject {
  @Field(() => ID) id: string;
  @Field(() => ToolkitItemKindEnum) kind: ToolkitItemKind;
  @Field(() => ToolkitEditionEnum) language: ToolkitEdition;
  @Field() titleEn: string;
  @Field() titleFr: string;
  @Field(() => String, { nullable: true }) descriptionEn: string | null;
  @Field(() => String, { nullable: true }) descriptionFr: string | null;
  @Field(() => Int) lowStockThreshold: number;
  @Field(() => String, { nullable: true, description: 'Digital files only' }) downloadUrl: string | null;
  @Field(() => Int, { description: 'The sum of its stock movements (0 for digital files)' }) onHand: number;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ToolkitCatalogueEntry', { description: 'What the public form offers: no stock figures' })
export class ToolkitCatalogueEntryObject {
  @Field(() => ID) id: string;
  @Field(() => ToolkitItemKindEnum) kind: ToolkitItemKind;
  @Field(() => ToolkitEditionEnum) language: ToolkitEdition;
  @Field() titleEn: string;
  @Field() titleFr: string;
  @Field(() => String, { nullable: true }) descriptionEn: string | null;
  @Field(() => String, { nullable: true }) descriptionFr: string | null;
}

@ObjectType('ToolkitItemConnection')
export class ToolkitItemConnection {
  @Field(() => [ToolkitItemObject]) nodes: ToolkitItemObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('ToolkitMovement', { description: 'One change of stock: received, shipped (for a request) or adjusted (with a reason)' })
export class ToolkitMovementObject {
  @Field(() => ID) id: string;
  @Field(() => ID) itemId: string;
  @Field() kind: string;
  @Field(() => Int, { description: 'Signed: shipments are negative' }) quantity: number;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => ID, { nullable: true }) requestId: string | null;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field() at: Date;
}

@ObjectType('ToolkitMovementConnection')
export class ToolkitMovementConnection {
  @Field(() => [ToolkitMovementObject]) nodes: ToolkitMovementObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('ToolkitRequestLine')
export class ToolkitRequestLineObject {
  @Field(() => ID) itemId: string;
  @Field(() => Int) quantity: number;
  @Field(() => Date, { nullable: true, description: 'Digital items: first download through the tracked link' }) downloadedAt: Date | null;
  @Field(() => ToolkitItemObject) item: ToolkitItemObject;
}

@ObjectType('ToolkitRequest', { description: 'Materials asked for by a member organization, a coordinator, staff or the public' })
export class ToolkitRequestObject {
  @Field(() => ID) id: string;
  @Field({ description: 'Short reference quoted to the requester' }) reference: string;
  @Field(() => ToolkitRequestSourceEnum) source: ToolkitRequestSource;
  @Field(() => ToolkitRequestStatusEnum) status: ToolkitRequestStatus;
  @Field(() => LanguageEnum) language: Language;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => String, { nullable: true, description: 'Public requester or recipient; erased 12 months after closing' }) requesterName: string | null;
  @Field(() => String, { nullable: true }) requesterEmail: string | null;
  @Field(() => String, { nullable: true }) requesterOrganization: string | null;
  @Field(() => String, { nullable: true }) addressLine: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true, description: 'Formatted A1A 1A1' }) postalCode: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true, description: 'The coordinator who delivers it' }) assigneeId: string | null;
  @Field(() => ID, { nullable: true, description: 'The member organization that delivers it' }) assigneeOrganizationId: string | null;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field() statusChangedAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the requester’s personal data was erased' }) erasedAt: Date | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => [ToolkitStepEnum], { description: 'The steps its status allows (whether the caller may take them is the ability’s)' })
  allowedSteps: ToolkitStep[];
}

@ObjectType('ToolkitRequestConnection')
export class ToolkitRequestConnection {
  @Field(() => [ToolkitRequestObject]) nodes: ToolkitRequestObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('ToolkitStatusCount')
export class ToolkitStatusCountObject {
  @Field(() => ToolkitRequestStatusEnum) status: ToolkitRequestStatus;
  @Field(() => Int) count: number;
}

@ObjectType('PublicToolkitRequestReceipt')
export class PublicToolkitRequestReceiptObject {
  @Field({ description: 'The reference quoted in the confirmation e-mail' }) reference: string;
}

@ObjectType('ToolkitBulkTarget', { description: 'A member organization a bulk request would reach' })
export class ToolkitBulkTargetObject {
  @Field(() => ID) organizationId: string;
  @Field() nameEn: string;
  @Field() nameFr: string;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) city: string | null;
}

@ObjectType('ToolkitBatchWait', { description: 'A request of a packing batch that did not ship, and why' })
export class ToolkitBatchWaitObject {
  @Field(() => ID) id: string;
  @Field() reference: string;
  @Field({ description: 'The error code its shipment answered (CONFLICT when stock was short)' }) code: string;
  @Field(() => String, { nullable: true, description: 'The field problem, encoded `code|{params}` (e.g. the short item)' }) problem: string | null;
}

@ObjectType('ToolkitBatchResult')
export class ToolkitBatchResultObject {
  @Field(() => [ToolkitRequestObject]) shipped: ToolkitRequestObject[];
  @Field(() => [ToolkitBatchWaitObject]) waited: ToolkitBatchWaitObject[];
}

@ObjectType('ToolkitOrganizationRef', { description: 'The name of an organization a request is from or delivered by' })
export class ToolkitOrganizationRefObject {
  @Field(() => ID) id: string;
  @Field() nameEn: string;
  @Field() nameFr: string;
}
