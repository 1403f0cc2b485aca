import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { niceMax, SvgChart, type SvgChartProps } from "~/components/svg-chart";

const text = { empty: "No data yet.", figures: "Show the figures", time: "Time" };
const render = (props: Partial<SvgChartProps>) =>
  renderToStaticMarkup(
    createElement(SvgChart, {
      title: "Requests per minute",
      description: "Requests served per minute.",
      labels: ["12:00", "12:01", "12:02", "12:03"],
      series: [{ name: "Requests", values: [10, 20, null, 40] }],
      text,
      ...props,
    }),
  );

describe("SvgChart", () => {
  it("draws an accessible SVG with axis labels, lines and a figures table", () => {
    const html = render({ unit: " ms" });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Requests per minute. Requests served per minute."');
    expect(html).toContain("<title>Requests per minute</title>");
    expect(html).toContain("<desc>Requests served per minute.</desc>");
    expect(html).toContain('viewBox="0 0 600 220"');
    expect(html).toContain('width="100%"');
    // 10, 20 joined; the gap at 12:02 splits the line; 40 alone is a dot.
    expect(html.match(/<polyline/g)).toHaveLength(1);
    expect(html.match(/<circle/g)).toHaveLength(1);
    expect(html).toContain(">12:00<");
    expect(html).toContain(">12:03<");
    expect(html).toContain(">50 ms<"); // axis maximum: 40 rounded up
    expect(html).toContain(">12.5 ms<");
    expect(html).toContain("<table");
    expect(html).toContain("40 ms");
    expect(html).not.toContain("No data yet.");
  });

  it("says there is no data yet instead of an empty chart", () => {
    const html = render({ series: [{ name: "Requests", values: [null, null] }] });
    expect(html).toContain("No data yet.");
    expect(html).not.toContain("<svg");
  });

  it("tells series apart by dash pattern too, with a legend", () => {
    const html = render({
      series: [
        { name: "p50", values: [1, 2, 3, 4] },
        { name: "p95", values: [5, 6, 7, 8] },
      ],
    });
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain(">p95<");
  });

  it("rounds the axis up to a readable maximum", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(2.2)).toBe(2.5);
  });
});
