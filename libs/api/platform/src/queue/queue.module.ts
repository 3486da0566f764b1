import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { OutboxService } from './outbox.service';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

// BullMQ wiring shared by the worker (processors + outbox relay). The API only
// writes to the outbox, so it imports OutboxModule, not this.
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Workers block on Redis: BullMQ needs maxRetriesPerRequest null.
        connection: redisOptionsFromUrl(config.REDIS_URL, { maxRetriesPerRequest: null }) as ConnectionOptions,
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
  ],
  exports: [BullModule],
})
export class QueueModule {}

@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
