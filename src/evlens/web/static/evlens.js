// Draws every chart whose figure the page carries as JSON (no inline script: the CSP forbids it).
(function () {
  // Plotly writes a title on one line and clips what does not fit: when it is too long for
  // the chart's width, the title is written above the chart as text, which wraps.
  var CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

  function units(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) n += CJK.test(s[i]) ? 2 : 1;
    return n;
  }

  function plain(text) {
    return text.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
  }

  function fitTitle(target, layout) {
    var title = layout.title;
    var text = typeof title === "string" ? title : title && title.text;
    if (!text) return layout;
    text = plain(text);
    if (units(text) * 9 <= 0.9 * target.clientWidth) return layout;
    var p = document.createElement("p");
    p.className = "chart-title";
    p.textContent = text;  // text, never markup
    target.parentNode.insertBefore(p, target);
    var out = Object.assign({}, layout, {title: {text: ""}});
    out.margin = Object.assign({}, layout.margin, {t: 30});
    return out;
  }

  document.querySelectorAll("script.figure-data").forEach(function (el) {
    var fig = JSON.parse(el.textContent);
    var target = document.getElementById(el.dataset.target);
    var layout = fig.layout || {};
    if (target && target.clientWidth) layout = fitTitle(target, layout);
    Plotly.newPlot(target, fig.data, layout, {responsive: true, displaylogo: false});
  });
})();
