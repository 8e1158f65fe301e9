// Demand profile charts: a day x hour heatmap (London time, Monday first) and demand by month.
// Data comes from the page (#chart-data): {hourOfWeek: [168], byMonth: [{month, total}], kind}.
(function () {
  var dataEl = document.getElementById('chart-data');
  if (!dataEl || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  var days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  var hours = [];
  for (var h = 0; h < 24; h++) { hours.push((h < 10 ? '0' : '') + h + ':00'); }
  var heatEl = document.getElementById('heatmap');
  if (heatEl) {
    var cells = [];
    var max = 0;
    for (var i = 0; i < 168; i++) {
      var v = Math.round(data.hourOfWeek[i] * 100) / 100;
      max = Math.max(max, v);
      // y: Monday at the top
      cells.push([i % 24, 6 - Math.floor(i / 24), v]);
    }
    var heat = echarts.init(heatEl, null, { renderer: 'svg' });
    heat.setOption({
      animation: false,
      tooltip: { position: 'top', formatter: function (p) {
        return days[6 - p.value[1]] + ' ' + hours[p.value[0]] + ': ' + p.value[2];
      } },
      grid: { left: 90, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: hours, splitArea: { show: true }, axisLabel: { interval: 2 } },
      yAxis: { type: 'category', data: days.slice().reverse(), splitArea: { show: true } },
      // a sequential colour-blind-safe scale (ColorBrewer YlOrRd)
      visualMap: { min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#ffffcc', '#fed976', '#fd8d3c', '#e31a1c', '#800026'] } },
      series: [{ name: 'Demand', type: 'heatmap', data: cells, emphasis: { itemStyle: { borderColor: '#0b0c0c', borderWidth: 1 } } }]
    });
    window.addEventListener('resize', function () { heat.resize(); });
  }
  var monthEl = document.getElementById('month-chart');
  if (monthEl) {
    var chart = echarts.init(monthEl, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.byMonth.map(function (m) { return m.month; }) },
      yAxis: { type: 'value' },
      series: [{ name: 'Demand', type: 'bar', color: '#1d70b8',
        data: data.byMonth.map(function (m) { return Math.round(m.total * 100) / 100; }) }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
})();
