import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One component of a design version; `ordinal` keeps the order it was saved in. */
@Entity({ name: 'components' })
export class ComponentEntity {
  @PrimaryColumn({ name: 'design_id', type: 'uuid' })
  designId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  /** As validated, with every default filled in. */
  @Column({ type: 'jsonb' })
  properties!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  position!: { x: number; y: number } | null;
}
