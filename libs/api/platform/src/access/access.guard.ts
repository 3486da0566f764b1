import { Inject, Injectable, Logger, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Action, AppAbility, SubjectName } from '@crm/authz';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainException, ErrorCode } from '../errors/domain.exception';
import { ACCESS_RULE, type AccessRule } from './access-rule';
import { HTTP_REQUEST_CONTEXTS, type HttpRequestContexts, type RequestWithContext } from './access.decorators';
import type { RequestContext } from './request-context';

export class UnauthenticatedException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthenticated, 'Please sign in');
  }
}

export class ForbiddenException extends DomainException {
  constructor() {
    super(ErrorCode.Forbidden, 'You do not have permission to do this');
  }
}

/**
 * Global guard: every handler — GraphQL operation, field, or HTTP route — must declare
 * an access rule, and it must hold. HTTP routes get their RequestContext here (from the
 * bearer token, by the same session lookup as GraphQL), kept on the request for `HttpCtx`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(HTTP_REQUEST_CONTEXTS) private readonly httpContexts?: HttpRequestContexts,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      const where = `${context.getClass().name}.${context.getHandler().name}`;
      this.logger.error({ handler: where, msg: 'handler has no access rule; refused' });
      throw new ForbiddenException();
    }
    if (rule.kind === 'public') return true;
    if (context.getType<GqlContextType>() !== 'graphql') return this.httpRoute(context, rule);
    return this.holds(rule, GqlExecutionContext.create(context).getContext<RequestContext>());
  }

  private async httpRoute(context: ExecutionContext, rule: AccessRule): Promise<boolean> {
    if (!this.httpContexts) throw new ForbiddenException();
    const request = context.switchToHttp().getRequest<RequestWithContext>();
    const ctx = await this.httpContexts.contextFor(request);
    request.crmContext = ctx;
    // An HTTP route has no nullable field to answer: a denied field rule is a refusal.
    return this.holds(rule.kind === 'ability' ? { ...rule, whenDenied: undefined } : rule, ctx);
  }

  private holds(rule: AccessRule, ctx: RequestContext): boolean {
    if (rule.kind === 'public') return true;
    if (!ctx.actor) throw new UnauthenticatedException();
    if (rule.kind === 'authenticated') return true;
    // A field that answers null when denied is refused by FieldAccessInterceptor, without an error.
    if (rule.whenDenied === 'null') return true;
    if (!allows(ctx.ability, rule.action, rule.subject)) throw new ForbiddenException();
    return true;
  }
}

// Whether an ability allows an action on some subject of a type depends on its rules
// alone: remembered per rule set (CASL's `can` filters the rules on every call). A
// session's ability lives as long as its cached session row; a change of role or
// regions brings a new row, a new ability and a new rule set (decision 114).
const allowed = new WeakMap<object, Map<string, boolean>>();

function allows(ability: AppAbility, action: Action, subjectType: SubjectName): boolean {
  let byRule = allowed.get(ability.rules);
  if (!byRule) {
    byRule = new Map();
    allowed.set(ability.rules, byRule);
  }
  const key = `${action}\u0000${subjectType}`;
  let answer = byRule.get(key);
  if (answer === undefined) {
    answer = ability.can(action, subjectType);
    byRule.set(key, answer);
  }
  return answer;
}
