import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { REDIS_CLIENT, redisOptionsFromUrl } from './redis-connection';
import { SessionCache } from '../access/session-cache';
import { OutageLog } from './outage-log';

export { REDIS_CLIENT };

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

// A plain client for health checks and short-lived counters. It fails fast when
// Redis is away (no offline queue) so a request never hangs on it.
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = new Redis(redisOptionsFromUrl(config.REDIS_URL, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 }));
        // Without a listener ioredis prints a stack trace per reconnection attempt; this logs one line when lost and one when back.
        const outage = new OutageLog('redis', new Logger('Redis'));
        client.on('error', (error) => outage.error(error));
        client.on('ready', () => outage.ready());
        return client;
      },
    },
    RedisCloser,
    SessionCache,
  ],
  exports: [REDIS_CLIENT, SessionCache],
})
export class RedisModule {}
