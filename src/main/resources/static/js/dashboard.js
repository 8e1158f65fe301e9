// Charts of the abstraction dashboard: visibility by month (line) and hours away from the ward by
// type and month (stacked bars). Data comes from the page (#chart-data).
(function () {
  var dataEl = document.getElementById('chart-data');
  if (!dataEl || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  var months = data.trend.map(function (p) { return p.month; });
  var trendEl = document.getElementById('trend-chart');
  if (trendEl) {
    var trend = echarts.init(trendEl, null, { renderer: 'svg' });
    trend.setOption({
      animation: false,
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      series: [{ name: 'Visibility', type: 'line', color: '#1d70b8',
        data: data.trend.map(function (p) { return Math.round(p.visibility * 1000) / 10; }) }]
    });
    // a ward team's dashboard also draws its borough's visibility, for comparison
    if (data.trend.length && data.trend[0].boroughVisibility !== undefined) {
      trend.setOption({
        legend: { bottom: 0 },
        grid: { bottom: 60 },
        series: [{ name: 'Team', type: 'line', color: '#1d70b8',
          data: data.trend.map(function (p) { return Math.round(p.visibility * 1000) / 10; }) },
        { name: 'Borough', type: 'line', color: '#505a5f', lineStyle: { type: 'dashed' },
          data: data.trend.map(function (p) { return Math.round(p.boroughVisibility * 1000) / 10; }) }]
      });
    }
    window.addEventListener('resize', function () { trend.resize(); });
  }
  var typeEl = document.getElementById('type-chart');
  if (typeEl) {
    var palette = ['#d4351c', '#f47738', '#ffdd00', '#00703c', '#5694ca', '#4c2c92', '#912b88', '#28a197', '#85994b',
      '#b58840', '#003078', '#6f72af', '#505a5f', '#f499be'];
    var chart = echarts.init(typeEl, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: palette,
      grid: { left: 60, right: 20, top: 20, bottom: 110 },
      legend: { bottom: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: data.types.map(function (type) {
        return { name: type, type: 'bar', stack: 'away',
          data: data.trend.map(function (p) { return p.hoursByType[type] || 0; }) };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
})();
