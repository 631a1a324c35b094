/**
 * `npm run bench`: runs every benchmark below, prints one table, writes
 * bench/results.json. To add a benchmark, add an entry to `benchmarks`: a name,
 * a function returning named figures, and optionally goals (figure ≥ goal).
 *
 * Each benchmark runs in a child process of its own, so none is measured on a
 * heap, JIT state or page cache left behind by the one before (the 1M-event
 * bench leaves a lot). `node dist/bench/run.js <name>` runs one of them.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendBenchGoals, runAppendBench } from './append.bench';
import { runEsdbAppendBench } from './esdb-append.bench';
import { httpBenchGoals, runHttpBench } from './http.bench';
import { runLargeDatasetBench } from './large-dataset.bench';
import { runPostgresRebuildBench } from './postgres-rebuild.bench';
import { auditBenchGoals, runAuditBench } from './audit.bench';

type Figures = Record<string, number>;

interface Benchmark {
  readonly name: string;
  readonly run: () => Promise<Figures>;
  /** figure ≥ goal */
  readonly goals?: Partial<Record<string, number>>;
  /** figure ≤ goal */
  readonly goalsAtMost?: Partial<Record<string, number>>;
}

const benchmarks: Benchmark[] = [
  { name: 'append', run: runAppendBench, goals: appendBenchGoals },
  { name: 'esdb-append (test server, information only)', run: runEsdbAppendBench },
  { name: 'http', run: runHttpBench, goals: httpBenchGoals },
  { name: 'postgres-projections', run: runPostgresRebuildBench },
  {
    name: 'large-dataset',
    run: runLargeDatasetBench,
    goals: { rebuildEventsPerSec: 30_000 },
    goalsAtMost: { p99LargeToSmall: 1.5, startupLargeMs: 3_000, startupIntegrityCheckMs: 1_000 },
  },
  // Issue 5: verify and replay throughput (chaining and export for information).
  { name: 'audit', run: runAuditBench, goals: auditBenchGoals },
];

interface Row {
  benchmark: string;
  figure: string;
  value: number;
  goal: string;
}

function printTable(rows: Row[]): void {
  const header: Row = { benchmark: 'benchmark', figure: 'figure', value: NaN, goal: 'goal' };
  const cells = (r: Row) => [r.benchmark, r.figure, r === header ? 'value' : r.value.toLocaleString('en-US'), r.goal];
  const all = [header, ...rows].map(cells);
  const widths = all[0].map((_, col) => Math.max(...all.map((row) => row[col].length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ');
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  all.slice(1).forEach((row) => console.log(line(row)));
}

/** A child reports its figures as JSON on this file descriptor, so nothing it prints can garble them. */
const FIGURES_FD = 3;
const FIGURES_FD_SET = 'BENCH_FIGURES_FD';

/**
 * Flushes dirty pages to disk first: the build's output, or a previous benchmark's files, would otherwise
 * be written back during the next benchmark and slow its fsyncs (the append figures are fsync rates).
 */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No `sync` here (not Linux/macOS): measure anyway.
  }
}

/** Runs one benchmark in a fresh process; its progress goes to the console as usual. */
function runInChildProcess(benchmark: Benchmark): Promise<Figures> {
  settleDisk();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, benchmark.name], {
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, [FIGURES_FD_SET]: String(FIGURES_FD) },
    });
    let output = '';
    const figures = child.stdio[FIGURES_FD] as NodeJS.ReadableStream;
    figures.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`exited with code ${code}`));
      try {
        resolve(JSON.parse(output) as Figures);
      } catch {
        reject(new Error(`printed no figures: ${output.slice(0, 200)}`));
      }
    });
  });
}

async function runOne(name: string): Promise<void> {
  const benchmark = benchmarks.find((b) => b.name === name);
  if (!benchmark) throw new Error(`no benchmark named "${name}"; there are: ${benchmarks.map((b) => b.name).join(', ')}`);
  const figures = JSON.stringify(await benchmark.run());
  // Only the parent opens the figures pipe (and says so); run by hand, print them. (Probing fd 3 would not do:
  // Node itself may hold an fd of that number.)
  if (process.env[FIGURES_FD_SET] === String(FIGURES_FD)) fs.writeSync(FIGURES_FD, figures);
  else console.log(figures);
}

async function main(): Promise<void> {
  const results: Record<string, Figures> = {};
  const failures: string[] = [];
  const rows: Row[] = [];
  for (const benchmark of benchmarks) {
    console.error(`running ${benchmark.name} ...`);
    // One failing benchmark must not lose the others' figures: record the failure and go on.
    const figures = await runInChildProcess(benchmark).catch((error: unknown) => {
      console.error(`${benchmark.name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      failures.push(benchmark.name);
      return {} as Figures;
    });
    results[benchmark.name] = figures;
    for (const [figure, value] of Object.entries(figures)) {
      const atLeast = benchmark.goals?.[figure];
      const atMost = benchmark.goalsAtMost?.[figure];
      const verdict =
        atLeast !== undefined
          ? `≥ ${atLeast} ${value >= atLeast ? 'met' : 'MISSED'}`
          : atMost !== undefined
            ? `≤ ${atMost} ${value <= atMost ? 'met' : 'MISSED'}`
            : '';
      rows.push({ benchmark: benchmark.name, figure, value, goal: verdict });
    }
  }
  printTable(rows);

  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  const file = path.resolve('bench', 'results.json');
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, results, failures }, null, 2)}\n`);
  console.error(`wrote ${file}`);
  if (failures.length > 0) {
    console.error(`failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

const only = process.argv[2];
(only ? runOne(only) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
