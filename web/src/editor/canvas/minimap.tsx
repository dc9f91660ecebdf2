import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { ComponentType } from '@architech/contracts';
import {
  COMPONENT_SIZE,
  componentBox,
  screenToWorld,
  setViewport,
  unionBoxes,
  type Box,
  type EditorState,
  type EditorStore,
  type Point,
  type Size,
} from '@architech/editor-core';
import { CANVAS_COLORS, TYPE_STYLES } from './theme';

/** The minimap's size, CSS px. */
const WIDTH = 180;
const HEIGHT = 120;
const INSET = 6;

/** How world coordinates map onto the minimap. */
interface MinimapLayout {
  readonly bounds: Box;
  readonly scale: number;
  /** Minimap px of the bounds' top-left corner (the world box is centred). */
  readonly left: number;
  readonly top: number;
}

/**
 * A small overview in the canvas's corner: every component as a rectangle in its type's colour and
 * the part of the world in view as a blue frame. Clicking or dragging on it moves the view there.
 * Drawn on its own 2D canvas, at most once per animation frame, only when the document or the
 * camera changed.
 */
export function Minimap(props: { store: EditorStore; canvasSize: Size }) {
  const { store } = props;
  const { width, height } = props.canvasSize;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** The layout is held still while the user drags on the minimap, or it would slide under the pointer. */
  const frozen = useRef<MinimapLayout | undefined>(undefined);
  const redraw = useRef<() => void>(() => undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (canvas == null || ctx == null) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    let frame = 0;
    let drawn: Pick<EditorState, 'doc' | 'viewport'> | undefined;
    const draw = () => {
      frame = 0;
      const state = store.getState();
      drawn = state;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      paint(ctx, state, frozen.current ?? layoutFor(state, { width, height }), { width, height });
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    redraw.current = schedule;
    schedule();
    const unsubscribe = store.subscribe(() => {
      const state = store.getState();
      if (state.doc !== drawn?.doc || state.viewport !== drawn.viewport) schedule();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, width, height]);

  const centreOn = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const layout = frozen.current;
    if (layout === undefined) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const world = {
      x: layout.bounds.x + (event.clientX - rect.left - layout.left) / layout.scale,
      y: layout.bounds.y + (event.clientY - rect.top - layout.top) / layout.scale,
    };
    const { zoom } = store.getState().viewport;
    store.dispatch(setViewport({ x: width / 2 - world.x * zoom, y: height / 2 - world.y * zoom, zoom }));
  };

  return (
    <canvas
      ref={canvasRef}
      className="editor-minimap"
      style={{ width: WIDTH, height: HEIGHT }}
      aria-label="Minimap: click or drag to move the view"
      role="img"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        frozen.current = layoutFor(store.getState(), { width, height });
        centreOn(event);
      }}
      onPointerMove={(event) => {
        if (frozen.current !== undefined) centreOn(event);
      }}
      onPointerUp={() => {
        frozen.current = undefined;
        redraw.current();
      }}
      onLostPointerCapture={() => {
        frozen.current = undefined;
        redraw.current();
      }}
    />
  );
}

/** Fits the content and the visible area together into the minimap, keeping proportions. */
function layoutFor(state: Pick<EditorState, 'doc' | 'viewport'>, canvas: Size): MinimapLayout {
  const topLeft = screenToWorld(state.viewport, { x: 0, y: 0 });
  const bottomRight = screenToWorld(state.viewport, { x: canvas.width, y: canvas.height });
  const view: Box = { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
  const content = unionBoxes(state.doc.components.map(componentBox));
  const bounds = content === undefined ? view : unionBoxes([content, view])!;
  const scale = Math.min((WIDTH - 2 * INSET) / Math.max(bounds.width, 1), (HEIGHT - 2 * INSET) / Math.max(bounds.height, 1));
  return {
    bounds,
    scale,
    left: (WIDTH - bounds.width * scale) / 2,
    top: (HEIGHT - bounds.height * scale) / 2,
  };
}

function paint(ctx: CanvasRenderingContext2D, state: Pick<EditorState, 'doc' | 'viewport'>, layout: MinimapLayout, canvas: Size): void {
  const { bounds, scale, left, top } = layout;
  const toMap = (p: Point) => ({ x: left + (p.x - bounds.x) * scale, y: top + (p.y - bounds.y) * scale });
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const byType = new Map<ComponentType, Point[]>();
  for (const component of state.doc.components) {
    const list = byType.get(component.type);
    const corner = toMap(component.position);
    if (list === undefined) byType.set(component.type, [corner]);
    else list.push(corner);
  }
  // Never thinner than a pixel, or a large design would vanish.
  const w = Math.max(1.5, COMPONENT_SIZE.width * scale);
  const h = Math.max(1, COMPONENT_SIZE.height * scale);
  for (const [type, corners] of byType) {
    ctx.beginPath();
    for (const c of corners) ctx.rect(c.x, c.y, w, h);
    ctx.fillStyle = TYPE_STYLES[type].color;
    ctx.fill();
  }
  const viewTopLeft = toMap(screenToWorld(state.viewport, { x: 0, y: 0 }));
  const viewBottomRight = toMap(screenToWorld(state.viewport, { x: canvas.width, y: canvas.height }));
  ctx.fillStyle = CANVAS_COLORS.accentSoft;
  ctx.strokeStyle = CANVAS_COLORS.accent;
  ctx.lineWidth = 1.5;
  const frame = { x: viewTopLeft.x, y: viewTopLeft.y, w: viewBottomRight.x - viewTopLeft.x, h: viewBottomRight.y - viewTopLeft.y };
  ctx.fillRect(frame.x, frame.y, frame.w, frame.h);
  ctx.strokeRect(frame.x, frame.y, frame.w, frame.h);
}
