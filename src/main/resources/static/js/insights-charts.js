// Draws each insights chart (Chart.js) from the numbers the page's tables hold, given as data
// attributes on its canvas: data-labels (comma-separated), data-series (JSON: [{label, data}]),
// data-kind ("bar", stacked, or "line"). Measures loaded after the page (htmx) are drawn as they
// arrive.
(() => {
  const draw = (root) => {
    if (!window.Chart || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("canvas.insights-chart:not([data-drawn])").forEach((canvas) => {
      canvas.dataset.drawn = "yes";
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
  };
  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.addEventListener("htmx:load", (event) => draw(event.detail.elt));
})();
