/**
 * Route hygiene speed: a data source plugin.json with 500 routes (headers, urlParams, tokenAuth, body) checked in
 * process. Target: under 50 ms (issue 10). Prints the median of 20 runs after 5 warm-up runs.
 * Run: npx tsx scripts/bench-routes.ts
 */
import { checkPluginJsonText } from '../src/routes/check.js';

/** A plugin.json text with `n` realistic routes. */
export function benchPluginJson(n: number): string {
  const routes = Array.from({ length: n }, (_, i) => ({
    path: `api/v${i % 7}/r${i}/x`,
    method: i % 3 === 0 ? 'GET' : i % 3 === 1 ? 'POST' : '*',
    reqRole: i % 2 ? 'Editor' : 'Viewer',
    url: i % 4 === 0 ? '{{ .JsonData.url }}/api' : `https://api${i}.example.com/v1/{{ .JsonData.org | orEmpty }}`,
    headers: [
      { name: 'Authorization', content: 'Bearer {{ .SecureJsonData.token }}' },
      { name: 'X-Org', content: '{{ if .JsonData.org }}{{ .JsonData.org }}{{ else }}default{{ end }}' },
    ],
    urlParams: [{ name: 'format', content: 'json' }],
    ...(i % 10 === 0
      ? {
          tokenAuth: {
            url: 'https://login.example.com/{{ .JsonData.tenant }}/token',
            scopes: ['api'],
            params: { client_id: '{{ .JsonData.clientId }}', client_secret: '{{ .SecureJsonData.clientSecret }}' },
          },
        }
      : {}),
    ...(i % 5 === 0 ? { body: { query: '{{ .JsonData.q }}', key: '{{ index .SecureJsonData `api-key` }}' } } : {}),
  }));
  return JSON.stringify({ type: 'datasource', id: 'acme-bench-datasource', routes }, null, 2);
}

const text = benchPluginJson(500);
for (let i = 0; i < 5; i++) checkPluginJsonText(text, 'plugin.json');
const times: number[] = [];
let findings = 0;
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  findings = checkPluginJsonText(text, 'plugin.json').length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `route check, 500 routes (${(text.length / 1024).toFixed(0)} KiB plugin.json, ${findings} findings): median ${median.toFixed(1)} ms ` +
    `(min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}; target < 50 ms)`,
);
