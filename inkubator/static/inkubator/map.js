/* Dot map of Indonesia for a centre's detail page: the centre and, faintly, the other centres in scope. */
(function () {
  "use strict";
  var el = document.getElementById("centre-map");
  var data = document.getElementById("map-point");
  if (!el || !data || typeof echarts === "undefined") { return; }
  var point = JSON.parse(data.textContent);
  var chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    grid: { left: 36, right: 8, top: 8, bottom: 24 },
    xAxis: { type: "value", min: 94, max: 142, name: "", axisLabel: { formatter: "{value}°" } },
    yAxis: { type: "value", min: -12, max: 7, axisLabel: { formatter: "{value}°" } },
    // ECharts writes the tooltip as HTML: a centre's name is text, never markup.
    tooltip: { trigger: "item", formatter: function (p) { return echarts.format.encodeHTML(p.data[2] || ""); } },
    series: [
      { type: "scatter", symbolSize: 3, itemStyle: { color: "#adb5bd" }, data: point.others || [], silent: true },
      { type: "scatter", symbolSize: 14, itemStyle: { color: "#d63384" }, data: [[point.lon, point.lat, point.name]] }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
