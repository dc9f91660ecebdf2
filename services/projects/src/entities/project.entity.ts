import type { PriceOverride, ProviderScope } from '@architech/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Provider scope: the catalogue the palette shows (docs/providers.md). */
  @Column({ type: 'text', default: 'any' })
  provider!: ProviderScope;

  /** The project's own prices, validated against the catalogue when written. */
  @Column({ name: 'price_overrides', type: 'jsonb', default: () => `'[]'::jsonb` })
  priceOverrides!: PriceOverride[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set while the project is in the trash (soft deleted), until restored or purged. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;
}
