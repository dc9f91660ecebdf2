import { useEffect, useState } from 'react';
import type { Point } from '@architech/editor-core';
import { TYPE_STYLES } from '../../editor/canvas/theme';
import { formatNumber, formatPercent } from '../metric-format';
import { isActive } from './fault-windows';
import type { ReplayData, ReplayModel } from './load-replay';
import type { ReplayPlayer } from './replay-player';
import { BREAKER_CHIPS } from './replay-theme';
import { bucketAt } from './replay-series';
import { formatClock } from './replay-time';

/** How often the figures of a hovered component refresh while playing, ms. */
const REFRESH_MS = 250;
/** Room the tooltip needs before it flips to the other side of the pointer, px. */
const FLIP_X_PX = 260;
const FLIP_Y_PX = 200;

/** The card under the pointer and where the pointer is in the canvas. */
export interface ReplayHover {
  readonly card: number;
  readonly at: Point;
  /** The canvas's size, to keep the tooltip inside it. */
  readonly width: number;
  readonly height: number;
}

/**
 * The figures of the hovered component at the current simulated second — what an SRE reads off a
 * Grafana panel: utilisation, traffic, errors, queue, replicas, breaker, faults in effect. While
 * playing it refreshes four times a second, not every frame.
 */
export function ReplayTooltip({ player, model, data, hover }: { player: ReplayPlayer; model: ReplayModel; data: ReplayData; hover: ReplayHover | undefined }) {
  const [t, setT] = useState(() => player.clock.timeSec);
  const hovering = hover !== undefined && hover.card >= 0;

  useEffect(() => {
    if (!hovering) return;
    let last = Number.NEGATIVE_INFINITY;
    return player.onFrame((time) => {
      const now = performance.now();
      if (now - last < REFRESH_MS) return;
      last = now;
      setT(time);
    });
  }, [player, hovering]);

  if (!hovering) return null;
  const { scene, faults } = model;
  const { series } = data;
  const card = scene.cards[hover.card]!;
  const row = series.rowOf.get(card.id) ?? -1;
  const left = hover.at.x + (hover.at.x > hover.width - FLIP_X_PX ? -FLIP_X_PX + 10 : 16);
  const top = hover.at.y + (hover.at.y > hover.height - FLIP_Y_PX ? -FLIP_Y_PX + 20 : 16);
  const active = faults.filter((f) => f.target === card.id && isActive(f, t));
  const cell = row < 0 ? -1 : row * series.buckets + bucketAt(series.buckets, series.bucketSec, t);

  return (
    <div className="replay-tooltip" style={{ left, top }} aria-hidden="true">
      <div className="replay-tooltip__title">{card.component.name || card.id}</div>
      <div className="replay-tooltip__type">
        {TYPE_STYLES[card.type].label} · at {formatClock(t)}
      </div>
      {cell < 0 ? (
        <div>No series for this component.</div>
      ) : (
        <dl>
          {card.type !== 'CLIENT' && (
            <>
              <dt>Utilisation</dt>
              <dd>{formatPercent(series.utilization[cell]!)}</dd>
            </>
          )}
          <dt>Arrivals</dt>
          <dd>{formatNumber(series.arrivalsPerSec[cell]!)} req/s</dd>
          <dt>Completed</dt>
          <dd>{formatNumber(series.completionsPerSec[cell]!)} req/s</dd>
          <dt>Error rate</dt>
          <dd>{formatPercent(series.errorRate[cell]!)}</dd>
          {card.type !== 'CLIENT' && (
            <>
              <dt>Queue</dt>
              <dd>{series.loaded.has('queueLength') ? formatNumber(series.queueLength[cell]!) : '…'}</dd>
              <dt>Replicas</dt>
              <dd>{series.loaded.has('replicas') ? series.replicas[cell] : '…'}</dd>
            </>
          )}
          {(card.component.properties as Record<string, unknown>).circuitBreaker !== undefined && (
            <>
              <dt>Breaker</dt>
              <dd>{series.loaded.has('breakerState') ? BREAKER_CHIPS[Math.min(2, series.breakerState[cell]!)]!.text : '…'}</dd>
            </>
          )}
        </dl>
      )}
      {active.map((f, i) => (
        <div key={i} className="replay-tooltip__fault">
          ⚠ {f.label} ({formatClock(f.startSec)}–{formatClock(f.endSec)})
        </div>
      ))}
    </div>
  );
}
