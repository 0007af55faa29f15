import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Draws a report chart (src/report/charts.ts: the same specs report.html renders to SVG) into
 * `el`, made interactive: tooltips on every mark, and with `zoom`, drag to pan and wheel to zoom
 * the x axis. Vega runs its expressions through its interpreter, not `new Function`, so the
 * console's Content-Security-Policy needs no 'unsafe-eval'.
 */
export async function drawChart(el: HTMLElement, spec: TopLevelSpec, options: { zoom?: boolean } = {}): Promise<View> {
  const width = Math.max(280, Math.min(1100, el.clientWidth || 760) - 160);
  const interactive = { ...spec, width, config: { ...(spec.config ?? {}), mark: { tooltip: true } } } as TopLevelSpec & {
    layer?: object[];
    params?: object[];
  };
  if (options.zoom) {
    const zoom = { name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' };
    if (interactive.layer) interactive.layer = [{ ...interactive.layer[0], params: [zoom] }, ...interactive.layer.slice(1)];
    else interactive.params = [zoom];
  }
  const runtime = parse(compile(interactive).spec, undefined, { ast: true });
  const view = new View(runtime, { renderer: 'svg', container: el, hover: true, expr: expressionInterpreter });
  await view.runAsync();
  return view;
}
