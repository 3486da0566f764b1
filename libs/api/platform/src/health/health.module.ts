import { Module } from '@nestjs/common';
import { OutboxRepository } from '../queue/outbox.repository';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  controllers: [HealthController],
  providers: [ReadinessService, OutboxRepository],
})
export class HealthModule {}
