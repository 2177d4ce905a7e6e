// One-off: Natural Earth 1:110m admin-0 countries (world-atlas TopoJSON) to a small GeoJSON keyed by ISO 3166-1 alpha-2.
const topo = require('world-atlas/countries-110m.json');
const { feature } = require('topojson-client');
const countries = require('i18n-iso-countries');
const geo = feature(topo, topo.objects.countries);
const round = (v) => Math.round(v * 10) / 10;
function ring(points) {
  const out = [];
  for (const p of points) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length > 1) { const a = out[0], b = out[out.length - 1]; if (a[0] !== b[0] || a[1] !== b[1]) out.push(a); }
  return out.length >= 4 ? out : null;
}
function polygon(rings) { const r = rings.map(ring).filter(Boolean); return r.length ? r : null; }
const features = [];
const skipped = [];
for (const f of geo.features) {
  // Without a numeric code in Natural Earth: Kosovo (XK, the code in common use), and two areas the UN counts in Somalia and Cyprus.
  const code = f.id ? countries.numericToAlpha2(f.id) : { 'Kosovo': 'XK', 'Somaliland': 'SO', 'N. Cyprus': 'CY' }[f.properties.name];
  if (!code || code === 'AQ') { skipped.push((f.id || '-') + ' ' + f.properties.name); continue; }
  let coords;
  if (f.geometry.type === 'Polygon') {
    const p = polygon(f.geometry.coordinates); if (!p) { skipped.push(code); continue; }
    coords = { type: 'Polygon', coordinates: p };
  } else {
    const ps = f.geometry.coordinates.map(polygon).filter(Boolean);
    if (!ps.length) { skipped.push(code); continue; }
    coords = ps.length === 1 ? { type: 'Polygon', coordinates: ps[0] } : { type: 'MultiPolygon', coordinates: ps };
  }
  features.push({ type: 'Feature', properties: { name: code }, geometry: coords });
}
const merged = new Map();
for (const f of features) {
  const known = merged.get(f.properties.name);
  if (!known) { merged.set(f.properties.name, f); continue; }
  const parts = (g) => g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  known.geometry = { type: 'MultiPolygon', coordinates: parts(known.geometry).concat(parts(f.geometry)) };
}
features.length = 0; features.push(...merged.values());
features.sort((a, b) => a.properties.name.localeCompare(b.properties.name));
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }));
console.error('features', features.length, 'skipped', skipped.join(', '));
