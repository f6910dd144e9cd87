// Draws where decisions are made, month by month, as stacked bars (Chart.js), from the numbers
// the page's table holds (data attributes on the canvas).
document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("places-chart");
  if (!canvas || !window.Chart) {
    return;
  }
  const numbers = (name) => canvas.dataset[name].split(",").map(Number);
  const datasets = [
    { label: "Front line", data: numbers("front") },
    { label: "Team leaders", data: numbers("leaders") },
    { label: "Via holders", data: numbers("holders") },
  ];
  new window.Chart(canvas, {
    type: "bar",
    data: { labels: canvas.dataset.months.split(","), datasets },
    options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true } } },
  });
});
