import { Module } from '@nestjs/common';
import { ActorContextService } from './actor-context.service';
import { ActorRepository } from './actor.repository';

/** Just the actor context (no sessions, mail or Redis): what a worker module imports. */
@Module({ providers: [ActorRepository, ActorContextService], exports: [ActorContextService] })
export class ActorContextModule {}
