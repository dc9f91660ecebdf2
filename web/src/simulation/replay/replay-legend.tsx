import { memo, useState } from 'react';
import { formatNumber } from '../metric-format';
import { FLOW_LEGEND_RATES, flowWidth } from './flow-width';
import { ERROR_RATE_SCALE, heatGradientCss, UTILIZATION_SCALE, type ColourMode } from './heat-scale';
import { BREAKER_CHIPS, REPLAY_COLOURS } from './replay-theme';

/**
 * The key to the replay canvas, in its bottom-left corner: the colour scale of the current mode,
 * the throughput widths (log scale), the request dots, breaker chips and the fault outline.
 * Collapsible, so it never hides the part of a design a user is looking at.
 */
export const ReplayLegend = memo(function ReplayLegend({ mode }: { mode: ColourMode }) {
  const [open, setOpen] = useState(true);
  const scale = mode === 'utilization' ? UTILIZATION_SCALE : ERROR_RATE_SCALE;
  if (!open) {
    return (
      <aside className="replay-legend" data-collapsed="true" aria-label="Legend">
        <button className="ghost" onClick={() => setOpen(true)} aria-expanded="false">
          Legend
        </button>
      </aside>
    );
  }
  return (
    <aside className="replay-legend" aria-label="Legend">
      <div className="replay-legend__head">
        <strong>{mode === 'utilization' ? 'Utilisation' : 'Error rate'}</strong>
        <button className="ghost" onClick={() => setOpen(false)} aria-expanded="true" aria-label="Hide the legend">
          Hide
        </button>
      </div>
      <div className="replay-legend__gradient" style={{ background: heatGradientCss() }} />
      <div className="replay-legend__ticks">
        {scale.ticks.map((tick) => (
          <span key={tick}>{tick}</span>
        ))}
      </div>
      <div className="replay-legend__row">
        <span className="replay-legend__swatch" style={{ borderColor: REPLAY_COLOURS.down, background: REPLAY_COLOURS.downTint }} /> crashed (down)
      </div>
      {mode === 'utilization' && (
        <div className="replay-legend__row">
          <span className="replay-legend__swatch" style={{ borderColor: REPLAY_COLOURS.neutral, background: '#fff' }} /> client (no capacity)
        </div>
      )}

      <h4>Throughput (log scale)</h4>
      <div className="replay-legend__widths">
        {FLOW_LEGEND_RATES.map((rate) => (
          <div key={rate}>
            <svg width="40" height="14" aria-hidden="true">
              <line x1="2" x2="38" y1="7" y2="7" stroke={REPLAY_COLOURS.flowOk} strokeWidth={flowWidth(rate)} strokeLinecap="round" />
            </svg>
            <div>{formatNumber(rate)}/s</div>
          </div>
        ))}
      </div>

      <h4>Sampled requests</h4>
      <div className="replay-legend__row">
        <Dot colour={REPLAY_COLOURS.dotOk} r={4} /> request <Dot colour={REPLAY_COLOURS.dotOk} r={3} faded /> response <Dot colour={REPLAY_COLOURS.dotFailed} r={4} /> failed
      </div>

      <h4>Breaker · replicas · fault</h4>
      <div className="replay-legend__row" style={{ flexWrap: 'wrap' }}>
        {BREAKER_CHIPS.map((chip) => (
          <span key={chip.text} className="replay-legend__chip" style={{ color: chip.ink, background: chip.fill, borderColor: chip.border }}>
            {chip.text}
          </span>
        ))}
        <span className="replay-legend__chip" style={{ color: '#fff', background: REPLAY_COLOURS.replicas, borderColor: REPLAY_COLOURS.replicas }}>
          ×3 replicas
        </span>
        <svg width="26" height="14" aria-label="fault outline">
          <rect x="1.5" y="1.5" width="23" height="11" rx="3" fill="none" stroke={REPLAY_COLOURS.faultOutline} strokeWidth="1.5" strokeDasharray="4 3" />
        </svg>
      </div>
    </aside>
  );
});

function Dot({ colour, r, faded = false }: { colour: string; r: number; faded?: boolean }) {
  return (
    <svg width="12" height="12" aria-hidden="true">
      <circle cx="6" cy="6" r={r} fill={colour} opacity={faded ? 0.75 : 1} stroke="#fff" strokeWidth="1.5" />
    </svg>
  );
}
