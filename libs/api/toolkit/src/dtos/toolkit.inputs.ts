import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Language, ToolkitEdition, ToolkitItemKind, ToolkitRequestStatus, ToolkitStep } from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { ToolkitEditionEnum, ToolkitItemKindEnum, ToolkitRequestStatusEnum, ToolkitStepEnum } from './toolkit.objects';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType()
export class CreateToolkitItemInputType {
  @Field(() => ToolkitItemKindEnum) kind: ToolkitItemKind;
  @Field(() => ToolkitEditionEnum) language: ToolkitEdition;
  @Field() titleEn: string;
  @Field() titleFr: string;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionFr?: string | null;
  @Field(() => Int, { nullable: true }) lowStockThreshold?: number;
  @Field(() => String, { nullable: true, description: 'Required for a digital file, refused for any other kind' }) downloadUrl?: string | null;
  @Field(() => Int, { nullable: true, description: 'Copies on hand now, recorded as the first received movement (not for a digital file)' })
  initialStock?: number;
}

@InputType()
export class UpdateToolkitItemInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ToolkitEditionEnum, { nullable: true }) language?: ToolkitEdition;
  @Field(() => String, { nullable: true }) titleEn?: string;
  @Field(() => String, { nullable: true }) titleFr?: string;
  @Field(() => String, { nullable: true, description: 'null clears it' }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears it' }) descriptionFr?: string | null;
  @Field(() => Int, { nullable: true }) lowStockThreshold?: number;
  @Field(() => String, { nullable: true }) downloadUrl?: string | null;
}

@InputType()
export class RecordStockMovementInputType {
  @Field(() => ID) itemId: string;
  @Field({ description: 'received (positive) or adjusted (either sign, with a reason)' }) kind: string;
  @Field(() => Int) quantity: number;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class ToolkitRequestLineInputType {
  @Field(() => ID) itemId: string;
  @Field(() => Int) quantity: number;
}

@InputType({ description: 'A member’s request is always for their own organization' })
export class CreateToolkitRequestInputType {
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => LanguageEnum) language: Language;
  @Field(() => [ToolkitRequestLineInputType]) items: ToolkitRequestLineInputType[];
  @Field(() => String, { nullable: true }) recipientName?: string | null;
  @Field(() => String, { nullable: true }) addressLine?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType({ description: 'The public form: `website` must stay empty' })
export class PublicToolkitRequestInputType {
  @Field() name: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) organizationName?: string | null;
  @Field(() => LanguageEnum) language: Language;
  @Field(() => [ToolkitRequestLineInputType]) items: ToolkitRequestLineInputType[];
  @Field() addressLine: string;
  @Field() city: string;
  @Field() provinceCode: string;
  @Field() postalCode: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
}

@InputType()
export class MoveToolkitRequestInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ToolkitStepEnum) step: ToolkitStep;
  @Field(() => ID, { nullable: true, description: 'assign: a coordinator or staff account' }) assigneeId?: string | null;
  @Field(() => ID, { nullable: true, description: 'assign: a member organization' }) assigneeOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'decline: required' }) reason?: string | null;
}

@InputType()
export class ToolkitRequestFilterInputType {
  @Field(() => ToolkitRequestStatusEnum, { nullable: true }) status?: ToolkitRequestStatus;
  @Field(() => ID, { nullable: true, description: 'Asked by or delivered by this organization' }) organizationId?: string;
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field({ nullable: true, description: 'Latest status change first (default: oldest first)' }) newestFirst?: boolean;
}

@InputType()
export class BulkToolkitRequestInputType {
  @Field(() => ID) regionId: string;
  @Field(() => LanguageEnum, { nullable: true, description: 'Default: French in Quebec, English elsewhere' }) language?: Language | null;
  @Field(() => [ToolkitRequestLineInputType]) items: ToolkitRequestLineInputType[];
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ToolkitBatchEntryInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@InputType({ description: 'A packing batch to ship: each request at the version the packer saw' })
export class ShipToolkitBatchInputType {
  @Field(() => [ToolkitBatchEntryInputType]) requests: ToolkitBatchEntryInputType[];
}

@InputType()
export class ToolkitItemFilterInputType {
  @Field({ nullable: true, description: 'Archived items instead of current ones' }) archived?: boolean;
  @Field({ nullable: true, description: 'Only stocked items at or under their threshold' }) lowStock?: boolean;
  @Field(() => [ToolkitItemKindEnum], { nullable: true }) kinds?: ToolkitItemKind[];
}

@InputType()
export class ToolkitMovementFilterInputType {
  @Field(() => ID, { nullable: true }) itemId?: string;
  @Field(() => [String], { nullable: true, description: 'received, shipped, adjusted' }) kinds?: string[];
}
