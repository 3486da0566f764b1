import { data } from '@remix-run/node';
import { getLanguage } from './language.server';
import type { Refusal, RefusalReason } from './refusal';

// Thrown from loaders and actions: `throw refusal(request, 'forbidden', 403)`.
export function refusal(request: Request, reason: RefusalReason, status: 403 | 503) {
  return data<Refusal>({ reason, lang: getLanguage(request) }, { status });
}
