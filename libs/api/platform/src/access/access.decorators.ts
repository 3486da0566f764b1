import { applyDecorators, createParamDecorator, SetMetadata, UseInterceptors, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Action, SubjectName } from '@crm/authz';
import { ACCESS_RULE, type AccessRule } from './access-rule';
import { FieldAccessInterceptor } from './field-access.interceptor';
import type { RequestContext } from './request-context';

export { ACCESS_RULE, type AccessRule } from './access-rule';

// Every query, mutation and resolved field declares one of these; the global
// AccessGuard refuses anything that declares none (fail closed).

/** Open to anyone, signed in or not. Say why. */
export const Public = (reason: string) => SetMetadata(ACCESS_RULE, { kind: 'public', reason } satisfies AccessRule);

/** Any signed-in user, whatever their role (e.g. "me", sign-out). */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);

/** Signed in and the ability allows `action` on some `subject`. Services still check the records. */
export const Allow = (action: Action, subject: SubjectName) => SetMetadata(ACCESS_RULE, { kind: 'ability', action, subject } satisfies AccessRule);

/**
 * For a nested field (`Organization.people`): signed in, and the field answers null —
 * not an error that empties the whole answer — when the ability does not allow
 * `action` on `subject` (FieldAccessInterceptor). The field must be nullable.
 * With `field`, the check is the field-level rule on the parent record itself
 * (`Story.text` of this story): the shared ability decides, not the resolver.
 */
export const AllowField = (action: Action, subject: SubjectName, field?: string) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'ability', action, subject, whenDenied: 'null', ...(field ? { field } : {}) } satisfies AccessRule),
    // Only these fields carry the interceptor: a global one would wrap every resolver call in RxJS for nothing.
    UseInterceptors(FieldAccessInterceptor),
  );

/** Builds an HTTP route's RequestContext from its request (the API provides SessionService). */
export const HTTP_REQUEST_CONTEXTS = Symbol('HTTP_REQUEST_CONTEXTS');
export interface HttpRequestContexts {
  contextFor(request: { id?: string; ip?: string; headers: Record<string, string | string[] | undefined> }): Promise<RequestContext>;
}
export type RequestWithContext = { id?: string; ip?: string; headers: Record<string, string | string[] | undefined>; crmContext?: RequestContext };

/** The caller's RequestContext in an HTTP route handler, as AccessGuard built it for the route's rule. */
export const HttpCtx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const ctx = context.switchToHttp().getRequest<RequestWithContext>().crmContext;
  // Only a route with a non-public rule has one; a handler asking for it otherwise is a bug.
  if (!ctx) throw new Error('HttpCtx used on a route whose access rule is public');
  return ctx;
});

/** The caller's RequestContext, in resolvers. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
});
