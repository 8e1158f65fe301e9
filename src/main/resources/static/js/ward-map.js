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
      var visibility = el.getAttribute('data-visibility') ? JSON.parse(el.getAttribute('data-visibility')) : null;
      // visibility 0.5 (or less) is red, 1.0 is green, through amber
      var byVisibility = function (v) {
        if (v === undefined) { return '#b1b4b6'; }
        var t = Math.max(0, Math.min(1, (v - 0.5) / 0.5));
        var r = Math.round(212 + (0 - 212) * t), g = Math.round(53 + (112 - 53) * t), b = Math.round(28 + (60 - 28) * t);
        return 'rgb(' + r + ',' + g + ',' + b + ')';
      };
      var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution('Boundaries: ONS/GLA, OGL v3');
      var layer = L.geoJSON(data, {
        style: function (f) {
          var colour = visibility ? byVisibility(visibility[f.properties.code])
            : palette[clusterIndex[f.properties.clusterId] % palette.length];
          var focus = !highlight || highlight === f.properties.code;
          return { color: '#0b0c0c', weight: focus && highlight ? 3 : 1, fillColor: colour, fillOpacity: focus ? 0.55 : 0.15 };
        },
        onEachFeature: function (f, l) {
          var label = visibility && visibility[f.properties.code] !== undefined
            ? f.properties.name + ': ' + Math.round(visibility[f.properties.code] * 1000) / 10 + '% on own ward'
            : f.properties.name + ' (' + f.properties.clusterName + ')';
          l.bindTooltip(label, { sticky: true });
          l.on('click', function () { window.location.href = '/wards/' + f.properties.code; });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    })
    .catch(function () {
      el.textContent = 'The map could not be loaded. The same information is in the tables on this page.';
    });
})();
