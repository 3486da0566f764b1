import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { canReadField } from '@crm/authz';
import { of, type Observable } from 'rxjs';
import { ACCESS_RULE, type AccessRule } from './access-rule';
import type { RequestContext } from './request-context';

/**
 * A nested field declared with `@AllowField` (which applies this interceptor to it,
 * and only to it) answers null to a caller whose ability does not allow it: a screen
 * asking for an organization with its people still gets the organization when its
 * reader may not read people (a member contact). The resolver does not even run.
 */
@Injectable()
export class FieldAccessInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (rule?.kind !== 'ability' || rule.whenDenied !== 'null') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    // A field-level rule is about the parent record (its conditions read the record's fields).
    const allowed = rule.field
      ? canReadField(ctx.ability, rule.action, rule.subject, rule.field, gql.getRoot<object>())
      : ctx.ability.can(rule.action, rule.subject);
    return allowed ? next.handle() : of(null);
  }
}
