// Flex dashboard: flex hours and share of duty time by month (ECharts), and a map of the wards with
// an arrow (a line and a triangle head) from each providing ward's centre to the receiving ward's.
(function () {
  var monthsEl = document.getElementById('months-data');
  var chartEl = document.getElementById('flex-chart');
  if (monthsEl && chartEl && typeof echarts !== 'undefined') {
    var months = JSON.parse(monthsEl.textContent);
    var chart = echarts.init(chartEl, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 55, right: 55, top: 30, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
      yAxis: [{ type: 'value', name: 'hours' }, { type: 'value', name: 'share', axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: 'Flex hours', type: 'bar', color: '#1d70b8', data: months.map(function (m) { return m.flexHours; }) },
        { name: 'Share of duty time', type: 'line', yAxisIndex: 1, color: '#d4351c',
          data: months.map(function (m) { return Math.round(m.flexShare * 10000) / 100; }) }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var mapEl = document.getElementById('flex-map');
  var arrowsEl = document.getElementById('arrows-data');
  if (!mapEl || !arrowsEl || typeof L === 'undefined') { return; }
  var arrows = JSON.parse(arrowsEl.textContent);
  var boroughs = (mapEl.getAttribute('data-boroughs') || '').split(',').filter(function (b) { return b; });
  if (boroughs.length === 0) {
    mapEl.textContent = 'No flex is deployed, so there is nothing to map.';
    return;
  }
  var involved = {};
  arrows.forEach(function (a) { involved[a.fromWard] = 'providing'; involved[a.toWard] = 'receiving'; });
  Promise.all(boroughs.map(function (b) {
    return fetch('/api/v1/boroughs/' + b + '/map', { credentials: 'same-origin', headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error('map ' + r.status); } return r.json(); });
  })).then(function (collections) {
    var map = L.map(mapEl, { zoomSnap: 0.25 });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Boundaries: ONS/GLA, OGL v3');
    var centres = {};
    var all = L.featureGroup().addTo(map);
    collections.forEach(function (data) {
      L.geoJSON(data, {
        style: function (f) {
          var role = involved[f.properties.code];
          return { color: '#505a5f', weight: 1, fillOpacity: role ? 0.45 : 0.08,
            fillColor: role === 'receiving' ? '#d4351c' : (role === 'providing' ? '#1d70b8' : '#b1b4b6') };
        },
        onEachFeature: function (f, layer) {
          centres[f.properties.code] = layer.getBounds().getCenter();
          layer.bindTooltip(f.properties.name, { sticky: true });
        }
      }).addTo(all);
    });
    map.fitBounds(all.getBounds(), { padding: [10, 10] });
    arrows.forEach(function (a) {
      var from = centres[a.fromWard];
      var to = centres[a.toWard];
      if (!from || !to) { return; }
      L.polyline([from, to], { color: '#0b0c0c', weight: 3, className: 'rf-flex-arrow' })
        .bindTooltip(a.reference + ': ' + a.officers + ' officer(s) from ' + a.fromWardName + ' to ' + a.toWardName)
        .addTo(map);
      L.polygon(head(from, to), { color: '#0b0c0c', weight: 1, fillColor: '#0b0c0c', fillOpacity: 1, className: 'rf-flex-arrowhead' })
        .addTo(map);
    });
  }).catch(function () {
    mapEl.textContent = 'The map could not be loaded. The same flexes are listed in the tables on this page.';
  });

  // A triangle of about 300 m pointing at the receiving ward's centre, in a local metric frame.
  function head(from, to) {
    var k = Math.cos(to.lat * Math.PI / 180);
    var dx = (to.lng - from.lng) * 111320 * k;
    var dy = (to.lat - from.lat) * 110540;
    var len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / len, uy = dy / len, size = Math.min(300, len / 3);
    var bx = -ux * size, by = -uy * size;
    var px = -uy * size * 0.5, py = ux * size * 0.5;
    function at(mx, my) { return L.latLng(to.lat + my / 110540, to.lng + mx / (111320 * k)); }
    return [at(0, 0), at(bx + px, by + py), at(bx - px, by - py)];
  }
})();
