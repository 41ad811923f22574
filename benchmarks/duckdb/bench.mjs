// DuckDB as a peer of aidtrack's aggregation: donor × fiscal year × objective over disbursements
// and expenditure (types 3, 4), converted to USD with the IMF annual rates and split by the
// objective percentages, on the rows `aidtrack_bench export` wrote (donor and fiscal year already
// computed). Prints one JSON object: load time apart, then the best of REPEAT runs of each query
// on 1 and 2 threads (wall and CPU seconds of this process, which runs DuckDB's threads; the
// DECIMAL query, some 25 times slower, runs once).
//   node bench.mjs DIR [REPEAT]
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, repeatText] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench.mjs DIR [REPEAT]');
  process.exit(2);
}
const repeat = Number(repeatText ?? 5);

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function timed(f) {
  const cpu0 = cpuSeconds();
  const t0 = process.hrtime.bigint();
  const out = await f();
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: cpuSeconds() - cpu0, out };
}

async function bestOf(n, f) {
  let best = { wall: Infinity, cpu: Infinity, out: null };
  for (let i = 0; i < n; ++i) {
    const t = await timed(f);
    best = { wall: Math.min(best.wall, t.wall), cpu: Math.min(best.cpu, t.cpu), out: t.out };
  }
  return best;
}

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const csv = (name) => `'${dir}/${name}'`;

// Loading, timed apart: the values as exact DECIMAL(38,9) and as doubles, side by side.
const load = await timed(async () => {
  await con.run(`CREATE TABLE tx AS SELECT *, CAST(value AS DOUBLE) AS value_double FROM read_csv(${csv('transactions.csv')}, header = true,
    columns = {'activity': 'UINTEGER', 'donor': 'VARCHAR', 'fiscal_year': 'INTEGER', 'type': 'UTINYINT',
               'value': 'DECIMAL(38,9)', 'currency': 'VARCHAR', 'rate_year': 'INTEGER'})`);
  await con.run(`CREATE TABLE factors AS SELECT *, CAST(factor AS DECIMAL(19,16)) AS factor_decimal FROM read_csv(${csv('factors.csv')}, header = true,
    columns = {'currency': 'VARCHAR', 'rate_year': 'INTEGER', 'factor': 'DOUBLE'})`);
  await con.run(`CREATE TABLE shares AS SELECT *, CAST(percentage AS DOUBLE) AS percentage_double FROM read_csv(${csv('shares.csv')}, header = true,
    columns = {'activity': 'UINTEGER', 'objective': 'VARCHAR', 'percentage': 'DECIMAL(12,9)'})`);
});
const rows = Number((await con.runAndReadAll('SELECT count(*) FROM tx')).getRows()[0][0]);

// The query a user would write, in doubles.
const doubles = `SELECT t.donor, t.fiscal_year, s.objective,
       SUM(t.value_double * f.factor * s.percentage_double / 100) AS amount
  FROM tx t
  JOIN factors f ON f.currency = t.currency AND f.rate_year = t.rate_year
  JOIN shares s ON s.activity = t.activity
 WHERE t.type IN (3, 4)
 GROUP BY ALL`;
// The exact version: each converted piece rounded to 10^-9, summed as DECIMAL(38,9).
const decimals = `SELECT t.donor, t.fiscal_year, s.objective,
       SUM(CAST(CAST(t.value * f.factor_decimal AS DECIMAL(38,9)) * s.percentage * 0.01 AS DECIMAL(38,9))) AS amount
  FROM tx t
  JOIN factors f ON f.currency = t.currency AND f.rate_year = t.rate_year
  JOIN shares s ON s.activity = t.activity
 WHERE t.type IN (3, 4)
 GROUP BY ALL`;

const result = { rows, version: (await con.runAndReadAll('SELECT version()')).getRows()[0][0], load_s: load.wall, load_cpu_s: load.cpu };
for (const threads of [1, 2]) {
  await con.run(`SET threads = ${threads}`);
  for (const [name, sql] of [['double', doubles], ['decimal', decimals]]) {
    const total = `SELECT CAST(SUM(amount) AS VARCHAR) AS total, COUNT(*) AS cells FROM (${sql})`;
    const t = await bestOf(name === 'decimal' ? 1 : repeat, async () => (await con.runAndReadAll(sql)).getRows().length);
    const check = (await con.runAndReadAll(total)).getRows()[0];
    result[`${name}_${threads}t_s`] = t.wall;
    result[`${name}_${threads}t_cpu_s`] = t.cpu;
    result[`${name}_cells`] = Number(check[1]);
    result[`${name}_total`] = String(check[0]);
  }
}
console.log(JSON.stringify(result));
