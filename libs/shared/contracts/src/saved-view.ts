import { z } from 'zod';
import { Id, lineOfText } from './common';

// Saved views of a list (decision 025): a name, and what the list looked like — its
// URL parameters (filters and order, decision 018) and the columns it hid.

export const savedViewListValues = ['people', 'organizations', 'outreach', 'stories'] as const;
export const SavedViewList = z.enum(savedViewListValues);
export type SavedViewList = z.infer<typeof SavedViewList>;

const parameterName = z.string().regex(/^[a-zA-Z]{1,30}$/, { error: 'invalid' });
const columnKey = z.string().regex(/^[a-zA-Z]{1,40}$/, { error: 'invalid' });

export const SavedViewState = z.strictObject({
  /** The list's URL parameters (`province: 'ON'`, `sort: 'UPDATED'`), paging excluded. */
  params: z
    .record(parameterName, lineOfText(200))
    .refine((params) => Object.keys(params).length <= 20, { error: 'tooMany' })
    .refine((params) => !('after' in params), { error: 'unknownFilter' }),
  /** Columns the view hides. */
  hidden: z.array(columnKey).max(20).default([]),
});
export type SavedViewState = z.infer<typeof SavedViewState>;

/** Creates a view, or (with `id`) renames, re-shares or re-shapes one of the caller's. */
export const SaveViewInput = z.strictObject({
  id: Id.optional(),
  list: SavedViewList,
  name: lineOfText(80),
  shared: z.boolean().default(false),
  state: SavedViewState,
});
export type SaveViewInput = z.infer<typeof SaveViewInput>;
