import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { CampaignModule } from '@crm/campaigns';
import { GeographyModule } from '@crm/geography';
import { MailModule } from '@crm/mail';
import {
  ConfigModule,
  DatabaseModule,
  HealthModule,
  OutboxModule,
  RedisModule,
  mercuriusErrorFormatter,
  type AppConfig,
} from '@crm/platform';
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
        HealthModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          ...graphqlOptions(config, options.schemaFile),
          errorFormatter: mercuriusErrorFormatter({ error: (obj, msg) => graphqlLogger.error({ ...obj, msg }) }),
        }),
        GeographyModule,
        CampaignModule,
        MailModule,
      ],
    };
  }
}
