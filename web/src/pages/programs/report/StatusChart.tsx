// Pairs by status as a small bar chart. uPlot (about 50 kB) is imported here only, so it loads with the
// report page and nowhere else; the same numbers are also on the page as text for screen readers.
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { t } from "../../../i18n/index.ts";

type Bar = { label: string; value: number; color: string };

export function StatusChart(props: { bars: Bar[] }) {
  let host!: HTMLDivElement;
  const [ready, setReady] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  let dispose = () => {};

  onMount(async () => {
    try {
      const [{ default: uPlot }] = await Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]);
      const xs = props.bars.map((_, i) => i);
      const max = Math.max(1, ...props.bars.map((b) => b.value));
      const plot = new uPlot(
        {
          width: Math.max(240, host.clientWidth),
          height: 200,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: false, range: [-0.5, props.bars.length - 0.5] }, y: { range: [0, Math.ceil(max * 1.15)] } },
          axes: [
            // The bars are named in the legend under the chart, where long names wrap ("Vorzeitig beendet").
            { splits: () => xs, values: (_u, values) => values.map(() => ""), grid: { show: false }, size: 12 },
            { values: (_u, values) => values.map((v) => (Number.isInteger(v) ? String(v) : "")) },
          ],
          series: [
            {},
            {
              label: t("rhythm.report.chart"),
              paths: uPlot.paths.bars!({ size: [0.6, 80] }),
              points: { show: false },
              fill: (u, _seriesIndex) => {
                // One colour per bar, from left to right.
                const ctx = u.ctx;
                const gradient = ctx.createLinearGradient(u.bbox.left, 0, u.bbox.left + u.bbox.width, 0);
                props.bars.forEach((bar, i) => {
                  gradient.addColorStop(i / props.bars.length, bar.color);
                  gradient.addColorStop((i + 1) / props.bars.length, bar.color);
                });
                return gradient;
              },
              stroke: "transparent",
            },
          ],
        },
        [xs, props.bars.map((b) => b.value)],
        host,
      );
      const resize = () => plot.setSize({ width: Math.max(240, host.clientWidth), height: 200 });
      window.addEventListener("resize", resize);
      dispose = () => {
        window.removeEventListener("resize", resize);
        plot.destroy();
      };
      setReady(true);
    } catch {
      setFailed(true);
    }
  });
  onCleanup(() => dispose());

  return (
    <figure class="report-chart">
      <figcaption class="report-chart__title">{t("rhythm.report.chart")}</figcaption>
      <Show when={!ready() && !failed()}>
        <p class="muted" role="status">
          {t("rhythm.report.chartLoading")}
        </p>
      </Show>
      <div ref={host} class="report-chart__plot" aria-hidden="true" data-testid="report-chart" />
      <Show when={ready()}>
        <ul class="report-chart__legend" role="list" aria-hidden="true">
          <For each={props.bars}>
            {(bar) => (
              <li>
                <span class="report-chart__swatch" style={{ background: bar.color }} />
                {bar.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </figure>
  );
}
