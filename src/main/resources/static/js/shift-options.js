// The shift design options page: demand and officers needed by hour of the week, and each option's
// officers on duty against the officers needed (ECharts). Data from the page's JSON block.
(function () {
  var data = document.getElementById('chart-data');
  if (!data || typeof echarts === 'undefined') { return; }
  var chart = JSON.parse(data.textContent);
  var days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var labels = [];
  for (var h = 0; h < 168; h++) { labels.push(days[Math.floor(h / 24)] + ' ' + ('0' + (h % 24)).slice(-2) + ':00'); }
  var charts = [];
  // one label a day (the day's name at 00:00): the week fits a phone's width
  var xAxis = { type: 'category', data: labels, axisLabel: { interval: 23, formatter: function (v) { return v.slice(0, 3); } } };
  function draw(el, series, yAxis) {
    var c = echarts.init(el);
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 36, right: 36, top: 48, bottom: 30 },
      xAxis: xAxis,
      yAxis: yAxis,
      series: series
    });
    charts.push(c);
  }
  var need = document.getElementById('need-chart');
  if (need) {
    draw(need, [
      { name: 'Demand (average week)', type: 'bar', yAxisIndex: 1, data: chart.demand, itemStyle: { color: '#b1b4b6' } },
      { name: 'Officers needed', type: 'line', step: 'end', symbol: 'none', data: chart.needed, itemStyle: { color: '#d4351c' }, lineStyle: { color: '#d4351c' } }
    ], [{ type: 'value', name: 'officers', minInterval: 1 }, { type: 'value', name: 'demand', splitLine: { show: false } }]);
  }
  var els = document.querySelectorAll('.rf-option-chart');
  for (var i = 0; i < els.length; i++) {
    var key = els[i].getAttribute('data-option');
    draw(els[i], [
      { name: 'Officers needed', type: 'line', step: 'end', symbol: 'none', data: chart.needed, itemStyle: { color: '#d4351c' }, lineStyle: { color: '#d4351c' } },
      { name: 'On duty', type: 'line', step: 'end', symbol: 'none', areaStyle: { opacity: 0.3, color: '#1d70b8' }, data: chart.onDuty[key], itemStyle: { color: '#1d70b8' }, lineStyle: { color: '#1d70b8' } }
    ], { type: 'value', name: 'officers', minInterval: 1 });
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
