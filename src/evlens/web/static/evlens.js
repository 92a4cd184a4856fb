// Draws every chart whose figure the page carries as JSON (no inline script: the CSP forbids it).
document.querySelectorAll("script.figure-data").forEach(function (el) {
  var fig = JSON.parse(el.textContent);
  Plotly.newPlot(el.dataset.target, fig.data, fig.layout, {responsive: true, displaylogo: false});
});
