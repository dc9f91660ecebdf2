import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One immutable version of a design; its graph lives in components and connections. */
@Entity({ name: 'designs' })
export class DesignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** Shared by every version of the same design. */
  @Column({ name: 'lineage_id', type: 'uuid' })
  lineageId!: string;

  @Column({ type: 'int' })
  version!: number;

  /** True on exactly one version per lineage (a partial unique index). */
  @Column({ name: 'is_latest', type: 'boolean' })
  isLatest!: boolean;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
