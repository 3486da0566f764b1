import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainException, ErrorCode } from '../errors/domain.exception';
import { ACCESS_RULE, type AccessRule } from './access-rule';
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

/** Global guard: every handler must declare an access rule, and it must hold. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const where = `${context.getClass().name}.${context.getHandler().name}`;
    if (!rule) {
      this.logger.error({ handler: where, msg: 'handler has no access rule; refused' });
      throw new ForbiddenException();
    }
    if (rule.kind === 'public') return true;
    if (context.getType<GqlContextType>() !== 'graphql') {
      // HTTP routes (health) are public or nothing.
      throw new ForbiddenException();
    }
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (!ctx.actor) throw new UnauthenticatedException();
    if (rule.kind === 'authenticated') return true;
    // A field that answers null when denied is refused by FieldAccessInterceptor, without an error.
    if (rule.whenDenied === 'null') return true;
    if (!ctx.ability.can(rule.action, rule.subject)) throw new ForbiddenException();
    return true;
  }
}
