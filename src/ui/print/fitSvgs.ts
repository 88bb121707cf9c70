// Charts draw at the pixel size their box had on screen (useParentSize), and a print dialog lays the
// page out at paper width without running the page's code in between. An <svg> with a viewBox
// scales to its box (print.css caps it at 100 % wide), one without is cropped; so before printing
// each chart without a viewBox gets one equal to its drawn size, and loses it again afterwards.

const MARK = 'data-print-viewbox';

export function fitSvgsToWidth(root: ParentNode): void {
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg:not([viewBox])')) {
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    if (!(width > 0 && height > 0)) continue;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute(MARK, '');
  }
}

export function unfitSvgs(root: ParentNode): void {
  for (const svg of root.querySelectorAll<SVGSVGElement>(`svg[${MARK}]`)) {
    svg.removeAttribute('viewBox');
    svg.removeAttribute(MARK);
  }
}
