import { z } from 'zod';
import { Email, Id, Language, PersonName, Version } from './common';
import { optionalText, PostalCode, postalCodeMatchesProvince, ProvinceCode, requiredText, Website } from './records';

// Toolkit distribution (issue 13): the catalogue, stock movements and requests.

export const toolkitItemKindValues = ['booklet', 'poster', 'infographic', 'button', 'digital_file'] as const;
export const ToolkitItemKind = z.enum(toolkitItemKindValues);
export type ToolkitItemKind = z.infer<typeof ToolkitItemKind>;

/**
 * The language of an edition: English, French, or one printed in both (a bilingual button).
 * Two language editions of a material are two catalogue items, each with its own stock.
 */
export const toolkitEditionValues = ['en', 'fr', 'bilingual'] as const;
export const ToolkitEdition = z.enum(toolkitEditionValues);
export type ToolkitEdition = z.infer<typeof ToolkitEdition>;

export const toolkitRequestStatusValues = ['requested', 'approved', 'assigned', 'shipped', 'delivered', 'declined'] as const;
export const ToolkitRequestStatus = z.enum(toolkitRequestStatusValues);
export type ToolkitRequestStatus = z.infer<typeof ToolkitRequestStatus>;

export const toolkitRequestSourceValues = ['member', 'coordinator', 'staff', 'public'] as const;
export type ToolkitRequestSource = (typeof toolkitRequestSourceValues)[number];

export const toolkitStepValues = ['approve', 'assign', 'ship', 'deliver', 'decline'] as const;
export const ToolkitStep = z.enum(toolkitStepValues);
export type ToolkitStep = z.infer<typeof ToolkitStep>;

/**
 * The lifecycle: which steps each status allows, and where each step leads.
 * requested → approved → assigned → shipped → delivered, or declined before shipping.
 */
export const toolkitSteps: Record<ToolkitRequestStatus, readonly ToolkitStep[]> = {
  requested: ['approve', 'decline'],
  approved: ['assign', 'decline'],
  assigned: ['ship', 'assign', 'decline'],
  shipped: ['deliver'],
  delivered: [],
  declined: [],
};
export const toolkitStepTarget: Record<ToolkitStep, ToolkitRequestStatus> = {
  approve: 'approved',
  assign: 'assigned',
  ship: 'shipped',
  deliver: 'delivered',
  decline: 'declined',
};

export const toolkitLimits = {
  title: 200,
  description: 1000,
  stock: 1_000_000,
  reason: 500,
  lines: 20,
  quantity: 1000,
  note: 1000,
  address: 200,
  city: 100,
  organization: 200,
} as const;

/** Only digital files carry a download link, and only physical items have stock to receive. */
function checkItemKind(value: { kind?: ToolkitItemKind; downloadUrl?: string | null; initialStock?: number }, ctx: z.RefinementCtx) {
  if (value.kind === undefined) return;
  const digital = value.kind === 'digital_file';
  if (digital && !value.downloadUrl) ctx.addIssue({ code: 'custom', path: ['downloadUrl'], message: 'required' });
  if (!digital && value.downloadUrl) ctx.addIssue({ code: 'custom', path: ['downloadUrl'], message: 'toolkitNotDigital' });
  if (digital && value.initialStock) ctx.addIssue({ code: 'custom', path: ['initialStock'], message: 'toolkitNotStocked' });
}

const LowStockThreshold = z.number().int().min(0).max(toolkitLimits.stock);
const itemShape = {
  kind: ToolkitItemKind,
  language: ToolkitEdition,
  titleEn: requiredText(toolkitLimits.title),
  titleFr: requiredText(toolkitLimits.title),
  descriptionEn: optionalText(toolkitLimits.description, { lines: 'many' }).optional(),
  descriptionFr: optionalText(toolkitLimits.description, { lines: 'many' }).optional(),
  lowStockThreshold: LowStockThreshold.default(0),
  downloadUrl: Website.optional(),
  /** Copies on the shelf when the item is catalogued: recorded as its first `received` movement. */
  initialStock: z.number().int().min(0).max(toolkitLimits.stock).default(0),
};

export const CreateToolkitItemInput = z.object(itemShape).strict().superRefine(checkItemKind);
export type CreateToolkitItemInput = z.infer<typeof CreateToolkitItemInput>;
/** The catalogue editor's new-item form: the same checks (other posted fields, its CSRF token, are dropped). */
export const NewToolkitItemForm = z.object(itemShape).superRefine(checkItemKind);

/** A material's kind never changes (its stock and download link depend on it): archive it and catalogue another. */
const updateItemShape = {
  id: Id,
  version: Version,
  language: ToolkitEdition.optional(),
  titleEn: requiredText(toolkitLimits.title).optional(),
  titleFr: requiredText(toolkitLimits.title).optional(),
  descriptionEn: optionalText(toolkitLimits.description, { lines: 'many' }).optional(),
  descriptionFr: optionalText(toolkitLimits.description, { lines: 'many' }).optional(),
  lowStockThreshold: LowStockThreshold.optional(),
  downloadUrl: Website.optional(),
};
export const UpdateToolkitItemInput = z.object(updateItemShape).strict();
export type UpdateToolkitItemInput = z.infer<typeof UpdateToolkitItemInput>;
/** The catalogue editor's edit form shows every field, so the names are required there (other posted fields dropped). */
export const ToolkitItemForm = z.object({
  ...updateItemShape,
  language: ToolkitEdition,
  titleEn: requiredText(toolkitLimits.title),
  titleFr: requiredText(toolkitLimits.title),
  lowStockThreshold: LowStockThreshold,
});

/** Stock received (a positive quantity) or adjusted (either sign, with a reason); shipments come from requests. */
const stockMovementShape = {
  itemId: Id,
  kind: z.enum(['received', 'adjusted']),
  quantity: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((value) => value !== 0, { error: 'invalid' }),
  reason: optionalText(toolkitLimits.reason).optional(),
};
function checkStockMovement(value: { kind: string; quantity: number; reason?: string | null }, ctx: z.RefinementCtx) {
  if (value.kind === 'received' && value.quantity < 0)
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 1, path: ['quantity'], input: value.quantity });
  if (value.kind === 'adjusted' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
}
export const RecordStockMovementInput = z.object(stockMovementShape).strict().superRefine(checkStockMovement);
export type RecordStockMovementInput = z.infer<typeof RecordStockMovementInput>;
/** The inventory's form: the same checks (other posted fields, its CSRF token, are dropped). */
export const StockMovementForm = z.object(stockMovementShape).superRefine(checkStockMovement);

export const ToolkitRequestLine = z.object({ itemId: Id, quantity: z.number().int().min(1).max(toolkitLimits.quantity) }).strict();

const ToolkitRequestLines = z
  .array(ToolkitRequestLine)
  .min(1)
  .max(toolkitLimits.lines)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.itemId)) ctx.addIssue({ code: 'custom', path: [index, 'itemId'], message: 'listedTwice' });
      seen.add(line.itemId);
    });
  });

/** A shipping address must be in the province it names (postal codes are Canadian, formatted `K1A 0B1`). */
function checkAddress(value: { postalCode?: string | null; provinceCode?: string }, ctx: z.RefinementCtx) {
  if (value.postalCode && value.provinceCode && !postalCodeMatchesProvince(value.postalCode, value.provinceCode)) {
    ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postalCodeProvince', params: { province: value.provinceCode } });
  }
}

/**
 * A form's item lines (the staff app's request forms): one quantity per catalogue item, in
 * the form's order, empty or 0 for none; errors keep the form's row. The API gets the lines above 0.
 */
export const ToolkitFormLines = z
  .array(
    z
      .object({
        itemId: Id,
        quantity: z.preprocess(
          (value) => (value === undefined || value === '' ? 0 : typeof value === 'string' ? Number(value) : value),
          z.number().int().min(0).max(toolkitLimits.quantity),
        ),
      })
      .strict(),
  )
  .max(200)
  .refine((lines) => lines.some((line) => line.quantity > 0), { error: 'toolkitNoItems' })
  .transform((lines) => lines.filter((line) => line.quantity > 0));

const createRequestShape = {
  organizationId: Id.nullable().optional(),
  language: Language,
  items: ToolkitRequestLines,
  recipientName: optionalText(200).optional(),
  addressLine: optionalText(toolkitLimits.address).optional(),
  city: optionalText(toolkitLimits.city).optional(),
  provinceCode: ProvinceCode,
  postalCode: PostalCode.optional(),
  note: optionalText(toolkitLimits.note, { lines: 'many' }).optional(),
};

/** A request made by a signed-in member, coordinator or staff: the organization's address is the default. */
export const CreateToolkitRequestInput = z.object(createRequestShape).strict().superRefine(checkAddress);
export type CreateToolkitRequestInput = z.infer<typeof CreateToolkitRequestInput>;
/** The staff app's request form: the same, with a quantity per catalogue item (other fields of a posted form, its CSRF token, are dropped). */
export const ToolkitRequestForm = z.object({ ...createRequestShape, items: ToolkitFormLines }).superRefine(checkAddress);

const publicRequestShape = {
  name: PersonName,
  email: Email,
  organizationName: optionalText(toolkitLimits.organization).optional(),
  language: Language,
  items: ToolkitRequestLines,
  addressLine: requiredText(toolkitLimits.address),
  city: requiredText(toolkitLimits.city),
  provinceCode: ProvinceCode,
  postalCode: PostalCode.refine((value) => value !== null, { error: 'required' }),
  note: optionalText(toolkitLimits.note, { lines: 'many' }).optional(),
  website: z.string().max(200).optional(),
};

function checkPublicRequest(value: { postalCode?: string | null; provinceCode?: string; website?: string }, ctx: z.RefinementCtx) {
  checkAddress(value, ctx);
  if (value.website) ctx.addIssue({ code: 'custom', path: ['website'], message: 'honeypot' });
}

/**
 * The public form (no sign-in): who asks, where to ship, what. `website` is a honeypot
 * a person never sees: filled in, the request is refused.
 */
export const PublicToolkitRequestInput = z.object(publicRequestShape).strict().superRefine(checkPublicRequest);
export type PublicToolkitRequestInput = z.infer<typeof PublicToolkitRequestInput>;
/** The public page's form: the same, with a quantity per catalogue item (other posted fields dropped). */
export const PublicToolkitRequestForm = z.object({ ...publicRequestShape, items: ToolkitFormLines }).superRefine(checkPublicRequest);

/** One step of the lifecycle on one request, at the version the caller saw. */
const moveShape = {
  id: Id,
  version: Version,
  step: ToolkitStep,
  assigneeId: Id.nullable().optional(),
  assigneeOrganizationId: Id.nullable().optional(),
  reason: optionalText(toolkitLimits.reason).optional(),
};
function checkMove(
  value: { step: ToolkitStep; assigneeId?: string | null; assigneeOrganizationId?: string | null; reason?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.step === 'assign' && !value.assigneeId === !value.assigneeOrganizationId) {
    ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'toolkitAssignee' });
  }
  if (value.step === 'decline' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
}
export const MoveToolkitRequestInput = z.object(moveShape).strict().superRefine(checkMove);
export type MoveToolkitRequestInput = z.infer<typeof MoveToolkitRequestInput>;
/** A request page's step form: the same checks (other posted fields, its CSRF token, are dropped). */
export const MoveToolkitRequestForm = z.object(moveShape).superRefine(checkMove);

export const ToolkitRequestFilter = z
  .object({
    status: ToolkitRequestStatus.optional(),
    organizationId: Id.optional(),
    provinceCodes: z.array(ProvinceCode).max(13).optional(),
    /** Latest status change first (a home's "latest requests"); default: the board's oldest first. */
    newestFirst: z.boolean().optional(),
  })
  .strict();
export type ToolkitRequestFilter = z.infer<typeof ToolkitRequestFilter>;

/** "Send the starter kit to every member organization in the Atlantic region": one request per organization. */
export const BulkToolkitRequestInput = z
  .object({
    regionId: Id,
    language: Language.nullable().optional(),
    items: ToolkitRequestLines,
    note: optionalText(toolkitLimits.note, { lines: 'many' }).optional(),
  })
  .strict();
export type BulkToolkitRequestInput = z.infer<typeof BulkToolkitRequestInput>;

/** A packing batch shipped at once: each request at the version the packer saw (at most a sheet's worth of pages). */
export const toolkitBatchLimit = 100;
export const ShipToolkitBatchInput = z
  .object({
    requests: z
      .array(z.object({ id: Id, version: Version }).strict())
      .min(1)
      .max(toolkitBatchLimit),
  })
  .strict();
export type ShipToolkitBatchInput = z.infer<typeof ShipToolkitBatchInput>;

/** The catalogue list's filter (the inventory and its CSV export). */
export const ToolkitItemFilter = z
  .object({
    archived: z.boolean().optional(),
    lowStock: z.boolean().optional(),
    kinds: z.array(ToolkitItemKind).max(toolkitItemKindValues.length).optional(),
  })
  .strict();
export type ToolkitItemFilter = z.infer<typeof ToolkitItemFilter>;

export const toolkitMovementKindValues = ['received', 'shipped', 'adjusted'] as const;
/** The stock movements list's filter (the inventory and its CSV export). */
export const ToolkitMovementFilter = z
  .object({
    itemId: Id.optional(),
    kinds: z.array(z.enum(toolkitMovementKindValues)).max(toolkitMovementKindValues.length).optional(),
  })
  .strict();
export type ToolkitMovementFilter = z.infer<typeof ToolkitMovementFilter>;

/** The bulk screen's form: a region, a quantity per catalogue item, a language (else by province) and a note (other fields dropped). */
export const ToolkitBulkForm = z.object({ ...BulkToolkitRequestInput.shape, items: ToolkitFormLines });
