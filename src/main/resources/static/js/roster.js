// The roster page's chart: officers on duty by hour of the week against the officers the cluster's demand needs (ECharts).
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
    grid: { left: 40, right: 10, top: 48, bottom: 30 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 23, formatter: function (v) { return v.slice(0, 3); } } },
    yAxis: { type: 'value', name: 'officers' },
    legend: { top: 0, type: 'scroll' },
    series: [{ name: 'On duty (rostered)', type: 'line', step: 'end', symbol: 'none', areaStyle: {}, data: chart.onDuty.map(function (v) { return Math.round(v * 100) / 100; }) },
      { name: 'Officers needed (demand)', type: 'line', step: 'end', symbol: 'none', itemStyle: { color: '#d4351c' }, lineStyle: { color: '#d4351c' }, data: chart.needed || [] }]
  });
  window.addEventListener('resize', function () { c.resize(); });
})();
