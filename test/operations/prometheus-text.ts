/** Reads the Prometheus text format into `name{label="v",...}` → value (enough for tests; no HELP/TYPE). */
export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{.*\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`Not a sample line: ${line}`);
    const labels = match[2] ? sortLabels(match[2]) : '';
    samples.set(`${match[1]}${labels}`, Number(match[3]));
  }
  return samples;
}

/** `{b="2",a="1"}` → `{a="1",b="2"}`, so a test can name a series without knowing the order prom-client writes. */
function sortLabels(block: string): string {
  const pairs = [...block.slice(1, -1).matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => `${m[1]}="${m[2]}"`);
  return `{${pairs.sort().join(',')}}`;
}

/** A series key as parsePrometheusText writes it. */
export function series(name: string, labels: Record<string, string> = {}): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return pairs.length ? `${name}{${pairs.sort().join(',')}}` : name;
}
