// Wards coloured by demand (data-totals: ward code -> total), in five bands of equal numbers of
// wards with any demand (quantiles), a colour-blind-safe sequential scale; no demand is grey.
// No base map tiles: the polygons are the map. A ward opens its own profile.
(function () {
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var totals = JSON.parse(el.getAttribute('data-totals') || '{}');
  var colours = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
  var values = Object.keys(totals).map(function (k) { return totals[k]; }).filter(function (v) { return v > 0; })
    .sort(function (a, b) { return a - b; });
  var breaks = [];
  for (var i = 1; i < colours.length; i++) {
    breaks.push(values.length ? values[Math.floor(values.length * i / colours.length)] : Infinity);
  }
  var colour = function (v) {
    if (!v) { return '#b1b4b6'; }
    for (var j = 0; j < breaks.length; j++) { if (v < breaks[j]) { return colours[j]; } }
    return colours[colours.length - 1];
  };
  var round = function (v) { return Math.round(v).toLocaleString('en-GB'); };
  var legend = document.getElementById('map-legend');
  if (legend) {
    var lower = values.length ? values[0] : 0;
    colours.forEach(function (c, k) {
      var upper = k < breaks.length ? breaks[k] : (values.length ? values[values.length - 1] : 0);
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'rf-swatch';
      swatch.style.background = c;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(round(lower) + (k < breaks.length ? ' to under ' + round(upper) : ' or more')));
      legend.appendChild(item);
      lower = upper;
    });
    var none = document.createElement('li');
    var grey = document.createElement('span');
    grey.className = 'rf-swatch';
    grey.style.background = '#b1b4b6';
    none.appendChild(grey);
    none.appendChild(document.createTextNode('none'));
    legend.appendChild(none);
  }
  var link = el.getAttribute('data-ward-link') || '/demand?ward={code}';
  var highlight = el.getAttribute('data-highlight');
  fetch(el.getAttribute('data-geojson'), { credentials: 'same-origin', headers: { 'Accept': 'application/geo+json' } })
    .then(function (response) { if (!response.ok) { throw new Error('map data ' + response.status); } return response.json(); })
    .then(function (data) {
      var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution('Boundaries: ONS/GLA, OGL v3');
      var many = data.features.length > 100;
      var layer = L.geoJSON(data, {
        style: function (f) {
          var focus = !highlight || highlight === f.properties.code;
          return { color: many ? '#505a5f' : '#0b0c0c', weight: highlight && focus ? 3 : many ? 0.5 : 1,
            fillColor: colour(totals[f.properties.code]), fillOpacity: focus ? 0.85 : 0.35 };
        },
        onEachFeature: function (f, l) {
          var v = totals[f.properties.code];
          l.bindTooltip(f.properties.name + ': ' + (v ? round(v) : 'none'), { sticky: true });
          l.on('click', function () { window.location.href = link.replace('{code}', encodeURIComponent(f.properties.code)); });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    })
    .catch(function () {
      el.textContent = 'The map could not be loaded. The same figures are in the table below.';
    });
})();
