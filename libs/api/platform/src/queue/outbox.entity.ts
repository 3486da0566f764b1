import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

// A job recorded in the same transaction as the write that caused it.
@Entity({ name: 'outbox' })
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  queue: string;

  @Column('text', { name: 'job_name' })
  jobName: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'relayed_at', nullable: true })
  relayedAt: Date | null;

  @Column('int', { name: 'relay_attempts', default: 0 })
  relayAttempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}
