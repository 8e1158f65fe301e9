// Draws a borough's (or one ward's) wards from GeoJSON, coloured by cluster. No base map tiles:
// the app does not depend on a tile server; the polygons are the map.
(function () {
  var palette = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#28a197', '#912b88', '#85994b',
    '#b58840', '#5694ca', '#003078', '#6f72af'];
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var clusterIndex = {};
  document.querySelectorAll('.rf-swatch[data-cluster-index]').forEach(function (swatch) {
    swatch.style.background = palette[Number(swatch.getAttribute('data-cluster-index')) % palette.length];
  });
  fetch(el.getAttribute('data-geojson'), { credentials: 'same-origin', headers: { 'Accept': 'application/geo+json' } })
    .then(function (response) { if (!response.ok) { throw new Error('map data ' + response.status); } return response.json(); })
    .then(function (data) {
      var clusters = [];
      data.features.forEach(function (f) {
        var c = f.properties.clusterId;
        if (clusters.indexOf(c) < 0) { clusters.push(c); }
      });
      clusters.sort();
      clusters.forEach(function (c, i) { clusterIndex[c] = i; });
      var highlight = el.getAttribute('data-highlight');
      var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution('Boundaries: ONS/GLA, OGL v3');
      var layer = L.geoJSON(data, {
        style: function (f) {
          var colour = palette[clusterIndex[f.properties.clusterId] % palette.length];
          var focus = !highlight || highlight === f.properties.code;
          return { color: '#0b0c0c', weight: focus && highlight ? 3 : 1, fillColor: colour, fillOpacity: focus ? 0.55 : 0.15 };
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.name + ' (' + f.properties.clusterName + ')', { sticky: true });
          l.on('click', function () { window.location.href = '/wards/' + f.properties.code; });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    })
    .catch(function () {
      el.textContent = 'The map could not be loaded. The same information is in the tables on this page.';
    });
})();
