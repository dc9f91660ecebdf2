import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One connection of a design version; source and target reference its components. */
@Entity({ name: 'connections' })
export class ConnectionEntity {
  @PrimaryColumn({ name: 'design_id', type: 'uuid' })
  designId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'int' })
  ordinal!: number;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  target!: string;

  /** As validated, with every default filled in. */
  @Column({ type: 'jsonb' })
  properties!: Record<string, unknown>;
}
