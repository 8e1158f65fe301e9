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
  function draw(el, series, yName) {
    var c = echarts.init(el);
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 36, right: 8, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 23 } },
      yAxis: { type: 'value', name: yName, minInterval: 1 },
      series: series
    });
    charts.push(c);
  }
  var need = document.getElementById('need-chart');
  if (need) {
    draw(need, [
      { name: 'Demand (average week)', type: 'bar', data: chart.demand, itemStyle: { color: '#b1b4b6' } },
      { name: 'Officers needed', type: 'line', step: 'end', symbol: 'none', data: chart.needed, lineStyle: { color: '#d4351c' } }
    ], '');
  }
  var els = document.querySelectorAll('.rf-option-chart');
  for (var i = 0; i < els.length; i++) {
    var key = els[i].getAttribute('data-option');
    draw(els[i], [
      { name: 'Officers needed', type: 'line', step: 'end', symbol: 'none', data: chart.needed, lineStyle: { color: '#d4351c' } },
      { name: 'On duty', type: 'line', step: 'end', symbol: 'none', areaStyle: { opacity: 0.3 }, data: chart.onDuty[key], lineStyle: { color: '#1d70b8' } }
    ], 'officers');
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
