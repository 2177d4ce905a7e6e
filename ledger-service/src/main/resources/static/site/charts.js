// Draws every chart of a page with Apache ECharts. The server writes each chart's option as JSON in a
// <script type="application/json" data-chart-for="ID"> block (no inline script runs) and its data as a
// table beside it; without JavaScript the table alone carries the figures.
(function () {
  'use strict';
  const rtl = document.documentElement.dir === 'rtl';

  function mirror(option) {
    // Right to left: categories run from the right and the value axis stands on the right.
    [].concat(option.xAxis || []).forEach(function (axis) {
      if (axis.type === 'category' || axis.type === 'value') { axis.inverse = !axis.inverse; }
    });
    [].concat(option.yAxis || []).forEach(function (axis) { axis.position = 'right'; });
    if (option.legend) { option.legend.align = 'right'; }
    return option;
  }

  function draw(block) {
    const element = document.getElementById(block.dataset.chartFor);
    if (!element || !window.echarts) { return; }
    const option = JSON.parse(block.textContent);
    option.aria = Object.assign({ enabled: true }, option.aria || {});
    option.animation = false;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    const ready = option.geo || (option.series || []).some(function (s) { return s.type === 'map'; })
      ? fetch(element.dataset.map).then(function (r) { return r.json(); })
          .then(function (geo) { echarts.registerMap(element.dataset.mapName || 'world', geo); })
      : Promise.resolve();
    ready.then(function () {
      chart.setOption(rtl ? mirror(option) : option);
      element.dataset.drawn = 'true';
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    document.querySelectorAll('script[type="application/json"][data-chart-for]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
