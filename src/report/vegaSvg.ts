import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A Vega-Lite chart rendered to an SVG string in Node: no browser, no canvas, no network (the
 * data is inline; nothing is loaded). The SVG is inlined in report.html.
 * @example await vegaLiteSvg({ data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } })
 * //=> '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export async function vegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
