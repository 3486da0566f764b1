import { CompleteFollowUpDocument, SnoozeFollowUpDocument } from '@crm/staff-graphql';
import { z } from 'zod';
import { assertCsrf } from './csrf.server';
import { ApiError, gql } from './graphql.server';
import { recordErrorKey } from './records.server';
import { requireUserWithPermission } from './session.server';

const FollowUpAction = z.object({
  intent: z.enum(['done', 'snooze']),
  id: z.guid(),
  version: z.coerce.number().int().min(1),
  until: z.iso.date().optional(),
});

/** "Mark done" and "Snooze" of a follow-up, wherever the list is shown (/follow-ups, the home page). */
export async function followUpAction(request: Request) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Outreach');
  const parsed = FollowUpAction.safeParse(Object.fromEntries(formData));
  if (!parsed.success || (parsed.data.intent === 'snooze' && !parsed.data.until)) return { ok: false as const, error: 'problem.date' as const };
  const { intent, id, version, until } = parsed.data;
  try {
    if (intent === 'done') {
      await gql(CompleteFollowUpDocument, { input: { id, version } }, { request });
      return { ok: true as const, done: true, until: null };
    }
    await gql(SnoozeFollowUpDocument, { input: { id, version, until: until! } }, { request });
    return { ok: true as const, done: false, until: until! };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false as const, error: recordErrorKey(error) };
    throw error;
  }
}
export type FollowUpAnswer = Awaited<ReturnType<typeof followUpAction>>;
