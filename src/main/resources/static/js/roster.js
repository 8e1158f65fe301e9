// The roster page's chart: officers on duty by hour of the week (ECharts).
(function () {
  var el = document.getElementById('roster-coverage-chart');
  var data = document.getElementById('chart-data');
  if (!el || !data || typeof echarts === 'undefined') { return; }
  var chart = JSON.parse(data.textContent);
  var days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var labels = [];
  for (var h = 0; h < 168; h++) { labels.push(days[Math.floor(h / 24)] + ' ' + ('0' + (h % 24)).slice(-2) + ':00'); }
  var c = echarts.init(el);
  c.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 23 } },
    yAxis: { type: 'value', name: 'officers' },
    series: [{ name: 'On duty (rostered)', type: 'line', step: 'end', areaStyle: {}, data: chart.onDuty.map(function (v) { return Math.round(v * 100) / 100; }) }]
  });
  window.addEventListener('resize', function () { c.resize(); });
})();
