// Draws a key figure's chart (Chart.js) from its series, with the target as a dashed line. Long
// series are thinned to about 400 points, so that a phone draws ten years of daily values lightly.
document.addEventListener("DOMContentLoaded", async () => {
  const canvas = document.getElementById("figure-chart");
  if (!canvas || !window.Chart) {
    return;
  }
  const response = await fetch(canvas.dataset.chart, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    return;
  }
  const series = await response.json();
  const step = Math.max(1, Math.ceil(series.on.length / 400));
  const labels = series.on.filter((_, i) => i % step === 0 || i === series.on.length - 1);
  const values = series.values.filter((_, i) => i % step === 0 || i === series.values.length - 1);
  const datasets = [{ label: `${series.name} (${series.unit})`, data: values, borderWidth: 2, pointRadius: 0 }];
  if (series.target !== null) {
    datasets.push({ label: "Target", data: labels.map(() => series.target), borderDash: [6, 4], pointRadius: 0 });
  }
  new window.Chart(canvas, { type: "line", data: { labels, datasets }, options: { animation: false, responsive: true } });
});
