/**
 * Whether the canvas ECharts drew inside `el` has any pixel that is not transparent. Runs in the
 * page (pass it to `locator.evaluate`), so it may use nothing from the test's module.
 */
export function canvasHasInk(el: Element): boolean {
  const canvas = el.querySelector('canvas');
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return false;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}
