import uPlot from 'uplot';
import type { Annotation } from './annotations';

/** What the plugin draws, read at each redraw (the chart is created once; these change). */
export interface Overlay {
  readonly annotations: readonly Annotation[];
  /** The shared simulated time (URL `t`), drawn as a vertical line. */
  readonly marker: number | undefined;
}

const FILL: Record<Annotation['kind'], string> = {
  warmup: 'rgba(93, 104, 120, 0.13)',
  crash: 'rgba(198, 40, 40, 0.13)',
  error: 'rgba(198, 40, 40, 0.10)',
  latency: 'rgba(178, 106, 0, 0.12)',
  slowdown: 'rgba(178, 106, 0, 0.12)',
  packet_loss: 'rgba(124, 58, 237, 0.11)',
  partition: 'rgba(124, 58, 237, 0.14)',
};
const TEXT: Record<Annotation['kind'], string> = {
  warmup: '#5d6878',
  crash: '#9f1d1d',
  error: '#9f1d1d',
  latency: '#8a5200',
  slowdown: '#8a5200',
  packet_loss: '#5b21b6',
  partition: '#5b21b6',
};
const MARKER = '#2563eb';
const LANE_PX = 13;

/**
 * Draws fault windows and the warm-up as shaded bands under the series, their labels and the
 * shared time marker over them. `overlay()` is read at every redraw, so a change only needs
 * `u.redraw(false)`.
 */
export function annotationPlugin(overlay: () => Overlay): uPlot.Plugin {
  const xPos = (u: uPlot, sec: number) => u.valToPos(sec, 'x', true);
  return {
    hooks: {
      drawClear: (u) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const a of overlay().annotations) {
          const x0 = Math.max(bbox.left, xPos(u, a.startSec));
          const x1 = Math.min(bbox.left + bbox.width, xPos(u, a.endSec));
          if (x1 <= x0) continue;
          ctx.fillStyle = FILL[a.kind];
          ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
        }
        ctx.restore();
      },
      draw: (u) => {
        const { ctx, bbox } = u;
        const px = uPlot.pxRatio;
        const { annotations, marker } = overlay();
        for (const a of annotations) {
          const x0 = Math.max(bbox.left, xPos(u, a.startSec));
          const x1 = Math.min(bbox.left + bbox.width, xPos(u, a.endSec));
          if (x1 <= x0) continue;
          ctx.save();
          // The label may run past a narrow band (a short warm-up) but stays inside the plot, whole.
          ctx.beginPath();
          ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
          ctx.clip();
          ctx.font = `${Math.round(10 * px)}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          // uPlot leaves the alignment of its last axis label behind.
          ctx.textAlign = 'left';
          const y = bbox.top + (2 + a.lane * LANE_PX) * px;
          const width = ctx.measureText(a.label).width;
          const x = Math.max(bbox.left + 1 * px, Math.min(x0 + 3 * px, bbox.left + bbox.width - width - 3 * px));
          // A light plate keeps the label readable over the lines it crosses.
          ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
          ctx.fillRect(x - 2 * px, y - 1 * px, width + 4 * px, 12 * px);
          ctx.fillStyle = TEXT[a.kind];
          ctx.fillText(a.label, x, y);
          ctx.restore();
        }
        if (marker === undefined) return;
        const x = Math.round(xPos(u, marker));
        if (x < bbox.left || x > bbox.left + bbox.width) return;
        ctx.save();
        // Series leave their dash pattern on the context.
        ctx.setLineDash([]);
        ctx.strokeStyle = MARKER;
        ctx.lineWidth = 2 * px;
        ctx.beginPath();
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
        ctx.stroke();
        ctx.restore();
      },
    },
  };
}
