// Officers per borough: allocated by demand against the 2007 population rule (and today's strength),
// as horizontal bars so that borough names fit a narrow screen. Data comes from the page (#chart-data).
(function () {
  var dataEl = document.getElementById('chart-data');
  var el = document.getElementById('borough-chart');
  if (!dataEl || !el || typeof echarts === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  el.style.height = Math.max(220, 60 + data.boroughs.length * 42) + 'px';
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    color: ['#1d70b8', '#f47738', '#b1b4b6'],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['By demand', '2007 rule', 'Now'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.boroughs,
      axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: 'By demand', type: 'bar', data: data.allocation },
      { name: '2007 rule', type: 'bar', data: data.rule2007 },
      { name: 'Now', type: 'bar', data: data.current }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
