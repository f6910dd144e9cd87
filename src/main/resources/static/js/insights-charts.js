// Draws each insights chart (Chart.js) from the numbers the page's tables hold, given as data
// attributes on its canvas: data-labels (comma-separated), data-series (JSON: [{label, data}]),
// data-kind ("bar", stacked, or "line"). Chart.js itself (data-chart-src on this script) is fetched
// only when a chart comes near the screen: on a phone every chart is below the first screen, and
// loading and running it at once held the page up (blocking time 267 ms, largest paint 3.4 s).
// Measures loaded after the page (htmx) are drawn as they come near too. The canvas keeps the
// height it had before it was drawn, so nothing moves.
(() => {
  const chartSrc = document.currentScript && document.currentScript.dataset.chartSrc;
  let chartLoaded = null;
  const loadChart = () => {
    chartLoaded =
      chartLoaded ||
      new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = chartSrc;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
    return chartLoaded;
  };
  const draw = (canvas) => {
    const stacked = canvas.dataset.kind === "bar";
    new window.Chart(canvas, {
      type: canvas.dataset.kind || "bar",
      data: { labels: canvas.dataset.labels.split(","), datasets: JSON.parse(canvas.dataset.series) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked }, y: { stacked, beginAtZero: true } },
      },
    });
  };
  const near = new IntersectionObserver(
    (entries) =>
      entries
        .filter((entry) => entry.isIntersecting)
        .forEach((entry) => {
          near.unobserve(entry.target);
          loadChart().then(() => draw(entry.target));
        }),
    { rootMargin: "300px 0px" }
  );
  const watch = (root) => {
    if (!root || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("canvas.insights-chart:not([data-watched])").forEach((canvas) => {
      canvas.dataset.watched = "yes";
      near.observe(canvas);
    });
  };
  document.addEventListener("DOMContentLoaded", () => watch(document));
  document.addEventListener("htmx:load", (event) => watch(event.detail.elt));
})();
