import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

/**
 * Failed-login counters in fixed windows, kept in Postgres so every replica of the service sees
 * the same counts.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Failures of `key` in the window that contains `now`, and when that window ends. */
  async failures(key: string, windowSec: number, now: Date): Promise<{ failures: number; windowEndsAt: Date; lastFailureAt: Date }> {
    const rows: { failures: number; window_start: Date; last_failure_at: Date }[] = await this.dataSource.query(
      `SELECT failures, window_start, last_failure_at FROM users.login_throttle WHERE key = $1`,
      [key],
    );
    const row = rows[0];
    if (!row || now.getTime() - new Date(row.window_start).getTime() >= windowSec * 1000) return { failures: 0, windowEndsAt: now, lastFailureAt: now };
    return { failures: row.failures, windowEndsAt: new Date(new Date(row.window_start).getTime() + windowSec * 1000), lastFailureAt: new Date(row.last_failure_at) };
  }

  /** Counts one failure, opening a new window when the old one has passed. */
  async recordFailure(key: string, windowSec: number, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users.login_throttle (key, failures, window_start, last_failure_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (key) DO UPDATE SET
         last_failure_at = $2,
         failures = CASE WHEN login_throttle.window_start <= $2::timestamptz - make_interval(secs => $3) THEN 1 ELSE login_throttle.failures + 1 END,
         window_start = CASE WHEN login_throttle.window_start <= $2::timestamptz - make_interval(secs => $3) THEN $2 ELSE login_throttle.window_start END`,
      [key, now, windowSec],
    );
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM users.login_throttle WHERE key = $1`, [key]);
  }
}
