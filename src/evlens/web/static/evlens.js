// Draws every chart whose figure the page carries as JSON (no inline script: the CSP forbids it).
(function () {
  // Plotly writes a title on one line and clips what does not fit: on a narrow screen the
  // title is broken into lines (at spaces; anywhere between Chinese characters).
  var CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

  function units(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) n += CJK.test(s[i]) ? 2 : 1;
    return n;
  }

  function wrap(text, width) {
    var max = Math.max(16, Math.floor((0.9 * width) / 9));
    var out = [];
    text.split(/<br\s*\/?>/i).forEach(function (part) {
      var tokens = part.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) || [];
      var line = "";
      tokens.forEach(function (t) {
        if (line && units(line + t.trimEnd()) > max) {
          out.push(line.trimEnd());
          line = t.trimStart();
        } else {
          line += t;
        }
      });
      out.push(line.trimEnd());
    });
    return out;
  }

  function fitTitle(layout, width) {
    var title = layout.title;
    var text = typeof title === "string" ? title : title && title.text;
    if (!text) return layout;
    var lines = wrap(text, width);
    if (lines.length < 2) return layout;
    var out = Object.assign({}, layout);
    out.title = Object.assign({}, typeof title === "string" ? {} : title, {
      text: lines.join("<br>"), yref: "container", y: 1, yanchor: "top", pad: {t: 10}
    });
    out.margin = Object.assign({}, layout.margin);
    var base = layout.margin && layout.margin.t != null ? layout.margin.t : 80;
    out.margin.t = Math.max(base, 22 * lines.length + 30);
    return out;
  }

  document.querySelectorAll("script.figure-data").forEach(function (el) {
    var fig = JSON.parse(el.textContent);
    var target = document.getElementById(el.dataset.target);
    var layout = fig.layout || {};
    if (target && target.clientWidth && target.clientWidth < 700) layout = fitTitle(layout, target.clientWidth);
    Plotly.newPlot(target, fig.data, layout, {responsive: true, displaylogo: false});
  });
})();
