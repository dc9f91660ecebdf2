import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed logins of one key (`account:<email>`, `address:<ip>` or `pair:<email>|<ip>`) in the current window. */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;
}
