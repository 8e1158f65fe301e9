// Draws a borough's, one ward's or all London's wards from GeoJSON, coloured by cluster or, given
// data-visibility, by visibility. No base map tiles: the app does not depend on a tile server; the polygons are the map.
(function () {
  var palette = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#28a197', '#912b88', '#85994b',
    '#b58840', '#5694ca', '#003078', '#6f72af'];
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  // visibility in bands of 10 points, red (under 50%) through yellow to blue (90% or more): a
  // ColorBrewer RdYlBu scale, which readers with colour-blindness can tell apart too
  var bands = [[0.5, '#d73027'], [0.6, '#fc8d59'], [0.7, '#fee090'], [0.8, '#e0f3f8'], [0.9, '#91bfdb'],
    [Infinity, '#4575b4']];
  var byVisibility = function (v) {
    if (v === undefined || v === null || isNaN(v)) { return '#b1b4b6'; }
    for (var i = 0; i < bands.length; i++) {
      if (v < bands[i][0]) { return bands[i][1]; }
    }
    return bands[bands.length - 1][1];
  };
  document.querySelectorAll('.rf-swatch[data-visibility]').forEach(function (swatch) {
    var v = swatch.getAttribute('data-visibility');
    swatch.style.background = byVisibility(v === '' ? undefined : Number(v));
  });
  // where a click on a ward goes: a template with {code}, by default the ward's page
  var link = el.getAttribute('data-ward-link') || '/wards/{code}';
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
      var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution('Boundaries: ONS/GLA, OGL v3');
      var layer = L.geoJSON(data, {
        style: function (f) {
          var colour = visibility ? byVisibility(visibility[f.properties.code])
            : palette[clusterIndex[f.properties.clusterId] % palette.length];
          var focus = !highlight || highlight === f.properties.code;
          var many = data.features.length > 100;
          return { color: many ? '#505a5f' : '#0b0c0c', weight: focus && highlight ? 3 : many ? 0.5 : 1, fillColor: colour,
            fillOpacity: !focus ? 0.15 : visibility ? 0.85 : 0.55 };
        },
        onEachFeature: function (f, l) {
          var label = visibility && visibility[f.properties.code] !== undefined
            ? f.properties.name + ': ' + Math.round(visibility[f.properties.code] * 1000) / 10 + '% on own ward'
            : f.properties.name + (visibility ? ': no duty time' : ' (' + f.properties.clusterName + ')');
          l.bindTooltip(label, { sticky: true });
          l.on('click', function () { window.location.href = link.replace('{code}', encodeURIComponent(f.properties.code)); });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    })
    .catch(function () {
      el.textContent = 'The map could not be loaded. The same information is in the tables on this page.';
    });
})();
