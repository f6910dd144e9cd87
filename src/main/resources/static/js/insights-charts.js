// Draws each insights chart (Chart.js) from the numbers the page's tables hold, given as data
// attributes on its canvas: data-labels (comma-separated), data-series (JSON: [{label, data}]),
// data-kind ("bar", stacked, or "line").
document.addEventListener("DOMContentLoaded", () => {
  if (!window.Chart) {
    return;
  }
  document.querySelectorAll("canvas.insights-chart").forEach((canvas) => {
    const stacked = canvas.dataset.kind === "bar";
    new window.Chart(canvas, {
      type: canvas.dataset.kind || "bar",
      data: { labels: canvas.dataset.labels.split(","), datasets: JSON.parse(canvas.dataset.series) },
      options: {
        animation: false,
        responsive: true,
        scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
      },
    });
  });
});
