import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { CampaignModule } from '@crm/campaigns';
import { DataTransferModule } from '@crm/data-transfer';
import { EngagementModule } from '@crm/engagement';
import { EventsModule } from '@crm/events';
import { PledgesModule } from '@crm/pledges';
import { GeographyModule } from '@crm/geography';
import { IdentityModule, SessionService } from '@crm/identity';
import { MailModule } from '@crm/mail';
import { OrganizationsModule } from '@crm/organizations';
import { OutreachModule } from '@crm/outreach';
import { PeopleModule } from '@crm/people';
import { ToolkitModule } from '@crm/toolkit';
import { StoriesModule } from '@crm/stories';
import {
  AccessGuard,
  HTTP_REQUEST_CONTEXTS,
  AuditModule,
  ConfigModule,
  DatabaseModule,
  HealthModule,
  OutboxModule,
  RedisModule,
  failSafeContext,
  mercuriusErrorFormatter,
  type AppConfig,
} from '@crm/platform';
import type { FastifyRequest } from 'fastify';
import { graphqlOptions } from './graphql/graphql-options';

const graphqlLogger = new Logger('GraphQL');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { schemaFile?: string } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        OutboxModule,
        AuditModule,
        HealthModule,
        IdentityModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [IdentityModule],
          inject: [SessionService],
          useFactory: (sessions: SessionService) => ({
            ...graphqlOptions(config, options.schemaFile),
            errorFormatter: mercuriusErrorFormatter({
              error: (obj, msg) => graphqlLogger.error({ ...obj, msg }),
              warn: (obj, msg) => graphqlLogger.warn({ ...obj, msg }),
            }),
            // One RequestContext per request: who is calling, with what ability. A failed lookup
            // (PostgreSQL away) answers as a GraphQL error, not as Fastify's raw 500.
            context: failSafeContext(
              (request: FastifyRequest) => sessions.contextFor(request),
              () => ({}),
            ),
          }),
        }),
        GeographyModule,
        CampaignModule,
        MailModule,
        OrganizationsModule,
        PeopleModule,
        ToolkitModule,
        StoriesModule,
        EngagementModule,
        OutreachModule,
        EventsModule,
        PledgesModule,
        DataTransferModule,
      ],
      providers: [
        // HTTP routes (CSV) build their caller's context from the bearer token, as GraphQL does.
        { provide: HTTP_REQUEST_CONTEXTS, useExisting: SessionService },
        { provide: APP_GUARD, useClass: AccessGuard },
        // FieldAccessInterceptor is not global: @AllowField puts it on the fields that need it.
      ],
    };
  }
}
