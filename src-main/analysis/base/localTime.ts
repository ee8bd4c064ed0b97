/**
 * Local days and hours of instants in the project time zone (`$tz`), by plain arithmetic where the
 * zone keeps one offset over the data's span: the time-zone library costs some seven times as much,
 * which over the millions of messages of a large project is most of a query or a build.
 */

/**
 * `<name>(off_us)`: the offset of `$tz` from UTC in microseconds when it is the same all through
 * the data's time span (messages, joins and leaves, payments — Asia/Shanghai has had no daylight
 * saving since 1991), else NULL. Checked every 7 days of the span and at its end, so a
 * daylight-saving season or a change of the zone's offset shows up as a second value.
 */
export function fixedOffsetCte(name: string): string {
  return `
${name} AS (
  SELECT CASE WHEN count(DISTINCT off) = 1 THEN any_value(off) END AS off_us FROM (
    SELECT epoch_us(timezone($tz, x)) - epoch_us(x) AS off FROM (
      SELECT unnest(generate_series(lo, hi, INTERVAL 7 DAY)) AS x FROM (
        SELECT least(min(lo), min(hi)) AS lo, greatest(max(lo), max(hi)) AS hi FROM (
          SELECT min(sent_at) AS lo, max(sent_at) AS hi FROM messages
          UNION ALL SELECT min(join_time), max(coalesce(leave_time, join_time)) FROM memberships
          UNION ALL SELECT min(paid_at), max(paid_at) FROM orders
        ) WHERE lo IS NOT NULL
      )
      UNION ALL SELECT greatest((SELECT max(sent_at) FROM messages), (SELECT max(coalesce(leave_time, join_time)) FROM memberships), (SELECT max(paid_at) FROM orders))
    ) WHERE x IS NOT NULL
  )
)`;
}

/**
 * The local day of the instant `col` in `$tz`, with a {@link fixedOffsetCte} joined as `alias`:
 * plain arithmetic on a fixed offset (about a seventh of the time of the time-zone library, which
 * over millions of messages is most of a query), the library where the offset changes.
 */
export function localDaySql(col: string, alias = 'z'): string {
  return `CASE WHEN ${alias}.off_us IS NOT NULL THEN CAST(DATE '1970-01-01' + CAST(floor((epoch_us(${col}) + ${alias}.off_us) / 86400000000) AS INTEGER) AS DATE)
          ELSE CAST(timezone($tz, ${col}) AS DATE) END`;
}

/** The local hour (0–23, TINYINT) of the instant `col` in `$tz`, as {@link localDaySql} its day. */
export function localHourSql(col: string, alias = 'z'): string {
  return `CAST(CASE WHEN ${alias}.off_us IS NOT NULL THEN ((CAST(floor((epoch_us(${col}) + ${alias}.off_us) / 3600000000) AS BIGINT) % 24) + 24) % 24
          ELSE hour(timezone($tz, ${col})) END AS TINYINT)`;
}

/**
 * The instant `days` whole days (an SQL integer expression) after the TIMESTAMPTZ `col` (finite or
 * NULL), by arithmetic on microseconds: every connection's session zone is UTC (projectDb.ts), where
 * a day is 86,400 s, so this equals `col + to_days(days)` — DuckDB's TIMESTAMPTZ ± INTERVAL goes
 * through the time-zone library's calendar, some twenty times the cost, which over the million rows
 * of a large project is seconds.
 */
export function plusDaysSql(col: string, days: string | number): string {
  return `make_timestamptz(epoch_us(${col}) + CAST(${days} AS BIGINT) * 86400000000)`;
}
