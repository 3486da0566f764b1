import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { REDIS_CLIENT, redisOptionsFromUrl } from './redis-connection';
import { SessionCache } from '../access/session-cache';

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
      useFactory: (config: AppConfig) =>
        new Redis(redisOptionsFromUrl(config.REDIS_URL, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 })),
    },
    RedisCloser,
    SessionCache,
  ],
  exports: [REDIS_CLIENT, SessionCache],
})
export class RedisModule {}
