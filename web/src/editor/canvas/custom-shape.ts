import Konva from 'konva';

/**
 * A shape that draws itself with `draw` on the layer's native 2D context, in world coordinates.
 * Exported for the simulation replay, which draws the same scene on its own stage.
 */
export function customShape(draw: (ctx: CanvasRenderingContext2D) => void): Konva.Shape {
  return new Konva.Shape({
    listening: false,
    perfectDrawEnabled: false,
    shadowForStrokeEnabled: false,
    sceneFunc: (context) => draw(context._context),
  });
}
