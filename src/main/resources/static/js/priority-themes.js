// London-wide themes: teams holding an open priority of each category in the month, as horizontal
// bars (category names fit a narrow screen). Data comes from the page (#chart-data).
(function () {
  var dataEl = document.getElementById('chart-data');
  var el = document.getElementById('themes-chart');
  if (!dataEl || !el || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  el.style.height = Math.max(220, 40 + data.categories.length * 32) + 'px';
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    color: ['#1d70b8'],
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      valueFormatter: function (v) { return v + ' of ' + data.total + ' teams'; } },
    xAxis: { type: 'value', max: data.total },
    yAxis: { type: 'category', inverse: true, data: data.categories, axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ name: 'Teams', type: 'bar', data: data.teams, label: { show: true, position: 'right' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
