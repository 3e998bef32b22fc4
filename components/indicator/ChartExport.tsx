"use client";

// Exports the chart exactly as drawn on the page: the SVG in the DOM, with the page's colours
// written into it (CSS variables do not travel), plus a title, source line and date of access.

type Props = { title: string; sourceLine: string; fileName: string; labels: { svg: string; png: string } };

const RESOLVED_PROPERTIES = ["stroke", "fill", "color"] as const;

function standaloneSvg(svg: SVGSVGElement, title: string, sourceLine: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = svg.querySelectorAll<SVGElement>("*");
  clone.querySelectorAll<SVGElement>("*").forEach((node, index) => {
    const style = getComputedStyle(originals[index]!);
    for (const property of RESOLVED_PROPERTIES) {
      const attribute = node.getAttribute(property);
      if (attribute?.includes("var(")) node.setAttribute(property, style.getPropertyValue(property));
    }
    node.removeAttribute("tabindex");
  });
  const [, , width, height] = (svg.getAttribute("viewBox") ?? "0 0 800 400").split(" ").map(Number) as [number, number, number, number];
  const background = getComputedStyle(document.body).backgroundColor;
  const foreground = getComputedStyle(document.body).color;
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("viewBox", `0 -40 ${width} ${height + 80}`);
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height + 80));
  clone.removeAttribute("class");
  const header = `<rect x="0" y="-40" width="${width}" height="${height + 80}" fill="${background}"/><text x="10" y="-14" font-size="18" font-weight="700" fill="${foreground}" font-family="system-ui, sans-serif">${escape(title)}</text>`;
  const footer = `<text x="10" y="${height + 28}" font-size="12" fill="${foreground}" font-family="system-ui, sans-serif">${escape(sourceLine)}</text>`;
  return new XMLSerializer()
    .serializeToString(clone)
    .replace(/(<svg[^>]*>)/, `$1${header}`)
    .replace(/<\/svg>$/, `${footer}</svg>`);
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartExport({ title, sourceLine, fileName, labels }: Props) {
  const svgText = () => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="chart-svg"]');
    return svg ? standaloneSvg(svg, title, `${sourceLine} ${new Date().toISOString().slice(0, 10)}`) : null;
  };
  const exportSvg = () => {
    const text = svgText();
    if (text) download(new Blob([text], { type: "image/svg+xml" }), `${fileName}.svg`);
  };
  const exportPng = () => {
    const text = svgText();
    if (!text) return;
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement("canvas"), { width: image.width * 2, height: image.height * 2 });
      const context = canvas.getContext("2d")!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      canvas.toBlob((blob) => blob && download(blob, `${fileName}.png`), "image/png");
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  };
  return (
    <>
      <button type="button" onClick={exportSvg} data-testid="export-svg">
        {labels.svg}
      </button>
      <button type="button" onClick={exportPng} data-testid="export-png">
        {labels.png}
      </button>
    </>
  );
}
