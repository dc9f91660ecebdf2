import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SimulationStatus = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

@Entity({ name: 'simulations' })
export class SimulationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'design_id', type: 'uuid' }) designId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) status!: SimulationStatus;
  @Column({ type: 'double precision' }) progress!: number;
  @Column({ type: 'jsonb' }) configuration!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'cancel_requested', type: 'boolean' }) cancelRequested!: boolean;
  @Column({ name: 'worker_id', type: 'text', nullable: true }) workerId!: string | null;
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true }) heartbeatAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'telemetry_complete_at', type: 'timestamptz', nullable: true }) telemetryCompleteAt!: Date | null;
  @Column({ name: 'telemetry_expired_at', type: 'timestamptz', nullable: true }) telemetryExpiredAt!: Date | null;
  @Column({ name: 'telemetry_retention_days', type: 'integer', nullable: true }) telemetryRetentionDays!: number | null;
}
