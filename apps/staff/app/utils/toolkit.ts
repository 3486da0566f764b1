import { toolkitRequestSteps } from '@crm/authz';
import type { Language, ToolkitEdition, ToolkitItemKind, ToolkitRequestStatus, ToolkitStep } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';

// The toolkit screens' shared pieces: catalogue keys of its vocabularies, a request as the
// shared ability checks it, and which field of its `update` rule each step needs.

export const toolkitStatusKey = (status: ToolkitRequestStatus) => `toolkit.status.${status}` as PlainMessageKey;
export const toolkitSourceKey = (source: string) => `toolkit.source.${source}` as PlainMessageKey;
export const toolkitStepKey = (step: ToolkitStep) => `toolkit.step.${step}` as PlainMessageKey;
export const toolkitKindKey = (kind: ToolkitItemKind) => `toolkit.kind.${kind}` as PlainMessageKey;
export const toolkitEditionKey = (edition: ToolkitEdition) => `toolkit.edition.${edition}` as PlainMessageKey;
export const toolkitMovementKey = (kind: string) => `toolkit.movement.${kind}` as PlainMessageKey;

export const toolkitStatusColor: Record<ToolkitRequestStatus, string> = {
  requested: 'gray',
  approved: 'blue',
  assigned: 'indigo',
  shipped: 'orange',
  delivered: 'teal',
  declined: 'red',
};

/** An item's title in the reader's language. */
export function itemTitle(lang: Language, item: { titleEn: string; titleFr: string }): string {
  return lang === 'fr' ? item.titleFr : item.titleEn;
}

/** Deciding (approve, assign, decline) is the office's; moving it along (ship, deliver) also its deliverer's. */
export function stepField(step: ToolkitStep): string {
  return step === 'ship' || step === 'deliver' ? toolkitRequestSteps.deliver : toolkitRequestSteps.decide;
}

/** A request as the shared ability checks it (`subject('ToolkitRequest', …)`), from what the API sent. */
export function toolkitRequestRecord(request: {
  provinceCode: string;
  createdById: string | null;
  organizationId: string | null;
  assigneeId: string | null;
  assigneeOrganizationId: string | null;
}) {
  return {
    provinceCode: request.provinceCode,
    createdById: request.createdById,
    ownerId: null,
    organizationId: request.organizationId,
    assigneeId: request.assigneeId,
    assigneeOrganizationId: request.assigneeOrganizationId,
  };
}

/** Steps the board does in one click; assigning and declining need a choice or a reason: on the request's page. */
export const oneClickSteps: readonly ToolkitStep[] = ['approve', 'ship', 'deliver'];

export {
  MoveToolkitRequestForm,
  NewToolkitItemForm,
  StockMovementForm,
  ToolkitBulkForm,
  ToolkitItemForm,
  ToolkitRequestForm,
  PublicToolkitRequestForm,
} from '@crm/contracts';
export const toolkitItemFormFields = [
  'kind',
  'language',
  'titleEn',
  'titleFr',
  'descriptionEn',
  'descriptionFr',
  'lowStockThreshold',
  'initialStock',
  'downloadUrl',
] as const;
export const toolkitRequestFormFields = [
  'items',
  'items[].quantity',
  'language',
  'recipientName',
  'addressLine',
  'city',
  'provinceCode',
  'postalCode',
  'note',
] as const;
export const publicToolkitFormFields = [
  'name',
  'email',
  'organizationName',
  'language',
  'items',
  'items[].quantity',
  'addressLine',
  'city',
  'provinceCode',
  'postalCode',
  'note',
] as const;
