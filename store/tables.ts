// The tables, as versioned migrations. Design notes:
// - assets: one row per version; valid_from is the designated timestamp, so "the area's feeder
//   and customers at time T" is the latest row with valid_from <= T (LATEST ON ... PARTITION BY).
//   DEDUP on (valid_from, asset_id) makes re-sending a version idempotent.
// - outage_history: every version of every outage as received, append-only (audit trail).
//   received_at is assigned once at acceptance and kept through retries and the spool, so
//   DEDUP on (received_at, event_id) makes replays exactly-once in effect.
// - outages: the current version of each outage, designated by its start so that period
//   queries prune partitions. DEDUP on (start, event_id) replaces an earlier version with the
//   same start; when a correction moves the start, the writer upserts a tombstone
//   (deleted = true) over the old (start, event_id). Readers filter NOT deleted.
// - warnings: every version; the current one is LATEST ON received_at PARTITION BY warning_id.
// - rejects: every record refused at ingest, with its errors, so nothing sent is lost silently.
// - outage_areas: the transformer areas a feeder event names in affectedAreas, one row each,
//   keyed like outages (start, event_id, area_id) with the same tombstones on correction, so
//   attribution to areas is a join rather than parsing JSON text.

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'assets, outages, warnings, rejects',
    statements: [
      `CREATE TABLE IF NOT EXISTS assets (
        asset_id SYMBOL CAPACITY 1048576 NOCACHE INDEX,
        kind SYMBOL,
        name VARCHAR,
        feeder_id SYMBOL CAPACITY 65536 NOCACHE,
        substation SYMBOL CAPACITY 16384,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        park SYMBOL,
        area_class SYMBOL,
        customers INT,
        transformers INT,
        lat DOUBLE,
        lon DOUBLE,
        received_at TIMESTAMP,
        valid_from TIMESTAMP
      ) TIMESTAMP(valid_from) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(valid_from, asset_id)`,
      `CREATE TABLE IF NOT EXISTS outage_history (
        event_id VARCHAR,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        start TIMESTAMP,
        end_at TIMESTAMP,
        customers_affected INT,
        affected_areas VARCHAR,
        restorations VARCHAR,
        cause SYMBOL,
        planned BOOLEAN,
        warning_id SYMBOL,
        estimated_restoration TIMESTAMP,
        notes VARCHAR,
        received_at TIMESTAMP
      ) TIMESTAMP(received_at) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(received_at, event_id)`,
      `CREATE TABLE IF NOT EXISTS outages (
        event_id SYMBOL CAPACITY 4194304 NOCACHE INDEX,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        end_at TIMESTAMP,
        customers_affected INT,
        affected_areas VARCHAR,
        restorations VARCHAR,
        cause SYMBOL,
        planned BOOLEAN,
        warning_id SYMBOL,
        estimated_restoration TIMESTAMP,
        notes VARCHAR,
        received_at TIMESTAMP,
        deleted BOOLEAN,
        start TIMESTAMP
      ) TIMESTAMP(start) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(start, event_id)`,
      `CREATE TABLE IF NOT EXISTS warnings (
        warning_id SYMBOL,
        issuer_level SYMBOL,
        hazard SYMBOL,
        level SYMBOL,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        start TIMESTAMP,
        end_at TIMESTAMP,
        received_at TIMESTAMP
      ) TIMESTAMP(received_at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(received_at, warning_id)`,
      `CREATE TABLE IF NOT EXISTS rejects (
        kind SYMBOL,
        source SYMBOL,
        batch_id VARCHAR,
        line INT,
        record_id VARCHAR,
        errors VARCHAR,
        record VARCHAR,
        received_at TIMESTAMP
      ) TIMESTAMP(received_at) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(received_at, batch_id, line)`,
    ],
  },
  {
    version: 2,
    name: 'outage_areas',
    statements: [
      `CREATE TABLE IF NOT EXISTS outage_areas (
        event_id SYMBOL CAPACITY 4194304 NOCACHE INDEX,
        area_id SYMBOL CAPACITY 1048576 NOCACHE,
        deleted BOOLEAN,
        received_at TIMESTAMP,
        start TIMESTAMP
      ) TIMESTAMP(start) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(start, event_id, area_id)`,
    ],
  },
  // Remediation (analytics/remediation). Design notes:
  // - case_events: the append-only log of remediation cases; a case is the fold of its events
  //   (who, role, via, when, what). Nothing is updated in place. seq numbers a case's events;
  //   DEDUP on (at, case_id, seq) makes a re-sent event idempotent, and of two racing writers
  //   of one seq the earlier event wins when folded. case_id is indexed for one case's history.
  // - ledger_entries: the frozen monthly ledger (台账), one row per asset and rule family of a
  //   freezing run; `row` keeps the document's row as frozen (JSON), the typed columns serve
  //   filters and counts (months on the ledger). Designated by the period's start so a month
  //   is read from one partition; DEDUP on (period_start, rule_set, run_id, asset_id, family).
  // - disclosure_entries: the frozen public disclosure, same shape, public fields only (no
  //   persons, no free text), kept apart from the ledger so public reads never touch it.
  // - report_runs: one row per freezing run of a ledger month or disclosure period, written
  //   after its entries are readable; the earliest run of a (report, rule_set, period) is the
  //   frozen one, and a period with a run is never frozen again. meta keeps the document's
  //   header (titles, filing deadline) as frozen.
  // - job_runs: every run of a scheduled job (as of which time, outcome, summary) for audit.
  {
    version: 3,
    name: 'remediation: case_events, ledger_entries, disclosure_entries, report_runs, job_runs',
    statements: [
      `CREATE TABLE IF NOT EXISTS case_events (
        case_id SYMBOL CAPACITY 65536 NOCACHE INDEX,
        rule_set SYMBOL,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        family SYMBOL,
        seq INT,
        action SYMBOL,
        status SYMBOL,
        actor VARCHAR,
        role SYMBOL,
        via SYMBOL,
        data VARCHAR,
        at TIMESTAMP
      ) TIMESTAMP(at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(at, case_id, seq)`,
      `CREATE TABLE IF NOT EXISTS ledger_entries (
        rule_set SYMBOL,
        period SYMBOL,
        run_id SYMBOL CAPACITY 4096 NOCACHE,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        family SYMBOL,
        kind SYMBOL,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        status SYMBOL,
        overdue BOOLEAN,
        row VARCHAR,
        period_start TIMESTAMP
      ) TIMESTAMP(period_start) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(period_start, rule_set, run_id, asset_id, family)`,
      `CREATE TABLE IF NOT EXISTS disclosure_entries (
        rule_set SYMBOL,
        period SYMBOL,
        run_id SYMBOL CAPACITY 4096 NOCACHE,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        family SYMBOL,
        kind SYMBOL,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        status SYMBOL,
        row VARCHAR,
        period_start TIMESTAMP
      ) TIMESTAMP(period_start) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(period_start, rule_set, run_id, asset_id, family)`,
      `CREATE TABLE IF NOT EXISTS report_runs (
        report SYMBOL,
        rule_set SYMBOL,
        period SYMBOL,
        run_id VARCHAR,
        period_start TIMESTAMP,
        period_end TIMESTAMP,
        as_of TIMESTAMP,
        cases_as_of TIMESTAMP,
        rows INT,
        filing_due VARCHAR,
        trigger SYMBOL,
        meta VARCHAR,
        frozen_at TIMESTAMP
      ) TIMESTAMP(frozen_at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(frozen_at, report, rule_set, period)`,
      `CREATE TABLE IF NOT EXISTS job_runs (
        job SYMBOL,
        outcome SYMBOL,
        as_of TIMESTAMP,
        finished_at TIMESTAMP,
        detail VARCHAR,
        started_at TIMESTAMP
      ) TIMESTAMP(started_at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(started_at, job)`,
    ],
  },
  {
    // Every breach a full flag evaluation found, keyed by its local breach date (as UTC midnight
    // of that date) so re-evaluations upsert: "when did this asset first breach" is a min().
    version: 4,
    name: 'breach_log',
    statements: [
      `CREATE TABLE IF NOT EXISTS breach_log (
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        kind SYMBOL,
        rule_set SYMBOL,
        rule SYMBOL,
        family SYMBOL,
        count INT,
        window_start VARCHAR,
        window_end VARCHAR,
        event_ids VARCHAR,
        evaluated_at TIMESTAMP,
        breach_date TIMESTAMP
      ) TIMESTAMP(breach_date) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(breach_date, asset_id, rule_set, rule)`,
    ],
  },
  {
    // Which writer stored a history row: a writer's seen-events filter then asks only for the
    // rows of the others (reading its own back every few seconds was most of an import's time).
    version: 5,
    name: 'outage_history writer',
    statements: ['ALTER TABLE outage_history ADD COLUMN IF NOT EXISTS writer SYMBOL CAPACITY 4096 NOCACHE'],
  },
  {
    // What each outage reaches, kept at write (store/reach): one row per (asset, outage) with
    // what the analytics count by as it stood at the outage's start, so that flags, hotspots and
    // reliability read one table with no joins. Keyed like outages, with the same tombstones
    // (deleted = true) when a correction, a late asset version or a late warning changes what
    // an outage reaches; asset_id is indexed for one asset's outages.
    version: 6,
    name: 'outage_reach',
    statements: [
      `CREATE TABLE IF NOT EXISTS outage_reach (
        asset_id SYMBOL CAPACITY 1048576 NOCACHE INDEX,
        event_id SYMBOL CAPACITY 4194304 NOCACHE,
        source_id SYMBOL CAPACITY 1048576 NOCACHE,
        kind SYMBOL,
        feeder_id SYMBOL CAPACITY 65536 NOCACHE,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        park SYMBOL,
        area_class SYMBOL,
        cause SYMBOL,
        planned BOOLEAN,
        customers_affected INT,
        warning_id SYMBOL,
        warned_by SYMBOL,
        end_at TIMESTAMP,
        received_at TIMESTAMP,
        deleted BOOLEAN,
        start TIMESTAMP
      ) TIMESTAMP(start) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(start, event_id, asset_id)`,
      // Which writer stored an asset version: each writer's network tops up with the others' only.
      'ALTER TABLE assets ADD COLUMN IF NOT EXISTS writer SYMBOL CAPACITY 4096 NOCACHE',
    ],
  },
  {
    // An outage's record may say it was force majeure (不可抗力; Guizhou's rules exclude such a
    // weather fault without a warning). Rows from before read false: no record said so then.
    version: 7,
    name: 'force_majeure',
    statements: [
      'ALTER TABLE outages ADD COLUMN IF NOT EXISTS force_majeure BOOLEAN',
      'ALTER TABLE outage_history ADD COLUMN IF NOT EXISTS force_majeure BOOLEAN',
      'ALTER TABLE outage_reach ADD COLUMN IF NOT EXISTS force_majeure BOOLEAN',
    ],
  },
  {
    // The reports the authorities ask for (analytics/reports): the annual regional ranking, the
    // half-year and annual summaries, the advance report of arrears disconnections. A run is a
    // row of report_runs as for the ledger; its rows are kept here in order (seq), each the
    // document's row as frozen (JSON). An asset record may say it supplies an important user
    // (重要用户); rows from before read false.
    version: 8,
    name: 'report_entries, assets.important_user',
    statements: [
      `CREATE TABLE IF NOT EXISTS report_entries (
        report SYMBOL,
        rule_set SYMBOL,
        period SYMBOL,
        run_id SYMBOL CAPACITY 4096 NOCACHE,
        seq INT,
        row VARCHAR,
        period_start TIMESTAMP
      ) TIMESTAMP(period_start) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(period_start, report, rule_set, run_id, seq)`,
      'ALTER TABLE assets ADD COLUMN IF NOT EXISTS important_user BOOLEAN',
    ],
  },
  {
    // The utility's equipment code of an asset (the PMS code), searched by the dashboard.
    version: 9,
    name: 'assets.code',
    statements: ['ALTER TABLE assets ADD COLUMN IF NOT EXISTS code VARCHAR'],
  },
  {
    // 10 kV customers with transformers of their own (DL/T 836 medium-voltage users, industrial
    // parks) and the places an asset serves (a JSON list of names, for the public lookup).
    version: 10,
    name: 'assets.enterprise_customers, assets.places',
    statements: [
      'ALTER TABLE assets ADD COLUMN IF NOT EXISTS enterprise_customers INT',
      'ALTER TABLE assets ADD COLUMN IF NOT EXISTS places VARCHAR',
    ],
  },
  {
    // Outage notices (notices/): subscriptions, each version kept (the latest in force; a
    // deletion is a version with active = false; no secret is stored, each is derived from the
    // product's key); notice_events, each notice once, keyed by its source time and an id
    // derived from its source record version; notice_deliveries, the delivery log, a row per
    // attempt's start and one per its outcome, keyed so a re-sent row is idempotent;
    // notice_cursors, how far outage_history has been read.
    version: 11,
    name: 'subscriptions, notice_events, notice_deliveries, notice_cursors',
    statements: [
      `CREATE TABLE IF NOT EXISTS subscriptions (
        subscription_id SYMBOL CAPACITY 4096 NOCACHE,
        name VARCHAR,
        channel SYMBOL,
        target VARCHAR,
        follow VARCHAR,
        events VARCHAR,
        active BOOLEAN,
        created_at TIMESTAMP,
        secret_version INT,
        actor VARCHAR,
        changed_at TIMESTAMP
      ) TIMESTAMP(changed_at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(changed_at, subscription_id)`,
      `CREATE TABLE IF NOT EXISTS notice_events (
        notice_id VARCHAR,
        type SYMBOL,
        subject VARCHAR,
        assets VARCHAR,
        feeders VARCHAR,
        counties VARCHAR,
        rule_set SYMBOL,
        status SYMBOL,
        data VARCHAR,
        derived_at TIMESTAMP,
        occurred_at TIMESTAMP
      ) TIMESTAMP(occurred_at) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(occurred_at, notice_id)`,
      `CREATE TABLE IF NOT EXISTS notice_deliveries (
        subscription_id SYMBOL CAPACITY 4096 NOCACHE,
        notice_id VARCHAR,
        attempt INT,
        phase SYMBOL,
        code INT,
        error VARCHAR,
        next_at TIMESTAMP,
        worker VARCHAR,
        at TIMESTAMP
      ) TIMESTAMP(at) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(at, subscription_id, notice_id, attempt, phase)`,
      `CREATE TABLE IF NOT EXISTS notice_cursors (
        name SYMBOL,
        position TIMESTAMP,
        at TIMESTAMP
      ) TIMESTAMP(at) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(at, name)`,
    ],
  },
  {
    // An outage version may call the outage off (cancelled): kept in the history; its current
    // row is a tombstone, so the column is only ever true in outage_history.
    version: 12,
    name: 'outages.cancelled',
    statements: [
      'ALTER TABLE outage_history ADD COLUMN IF NOT EXISTS cancelled BOOLEAN',
      'ALTER TABLE outages ADD COLUMN IF NOT EXISTS cancelled BOOLEAN',
    ],
  },
  {
    // What Grafana reads (ops/grafana), through QuestDB's read-only PostgreSQL login:
    // - current_outages: outages without tombstones, with the customers still out after the
    //   step restorations recorded (the restorations JSON read into an array: each step's
    //   customersRestored, as the reliability statements read it);
    // - current_assets: each asset as it stands now (its latest version);
    // - flag_snapshot and reliability_snapshot: written after each full flag evaluation
    //   (analytics/snapshots), keyed by its as-of; a snapshot counts once its snapshot_runs
    //   row exists, written after its rows are readable, so latest_flags and
    //   latest_reliability never show half of one (a run whose reliability figures failed
    //   has reliability null: latest_reliability keeps the one before). breach_day is the start of the local
    //   breach date in the operating zone (an instant, so SAMPLE BY … TIME ZONE buckets it
    //   right); region is the group's value (a county, an area class, a park), city the
    //   county's city.
    version: 13,
    name: 'Grafana: current_outages, current_assets, flag_snapshot, reliability_snapshot, snapshot_runs',
    statements: [
      `CREATE TABLE IF NOT EXISTS flag_snapshot (
        rule_set SYMBOL,
        rule SYMBOL,
        family SYMBOL,
        asset_id SYMBOL CAPACITY 1048576 NOCACHE,
        kind SYMBOL,
        asset_name VARCHAR,
        province SYMBOL,
        city SYMBOL,
        county SYMBOL,
        status SYMBOL,
        count INT,
        rule_limit INT,
        window_start VARCHAR,
        window_end VARCHAR,
        breach_date VARCHAR,
        breach_day TIMESTAMP,
        event_ids VARCHAR,
        as_of TIMESTAMP
      ) TIMESTAMP(as_of) PARTITION BY MONTH WAL DEDUP UPSERT KEYS(as_of, rule_set, rule, asset_id)`,
      `CREATE TABLE IF NOT EXISTS reliability_snapshot (
        rule_set SYMBOL,
        rule SYMBOL,
        measure SYMBOL,
        dimension SYMBOL,
        region SYMBOL CAPACITY 16384,
        city SYMBOL,
        period SYMBOL,
        elapsed DOUBLE,
        convention SYMBOL,
        users DOUBLE,
        saidi_hours DOUBLE,
        saifi DOUBLE,
        target DOUBLE,
        allowed DOUBLE,
        status SYMBOL,
        includes_ongoing BOOLEAN,
        as_of TIMESTAMP
      ) TIMESTAMP(as_of) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(as_of, rule_set, rule, dimension, region, city)`,
      `CREATE TABLE IF NOT EXISTS snapshot_runs (
        rule_sets VARCHAR,
        flags INT,
        reliability INT,
        written_at TIMESTAMP,
        as_of TIMESTAMP
      ) TIMESTAMP(as_of) PARTITION BY YEAR WAL DEDUP UPSERT KEYS(as_of)`,
      `CREATE OR REPLACE VIEW current_outages AS (
        SELECT start, event_id, asset_id, end_at, estimated_restoration, cause, planned, force_majeure,
               warning_id, customers_affected,
               greatest(0, customers_affected - coalesce(array_sum(regexp_replace(restorations,
                 '\\{[^}]*"customersRestored"\\s*:\\s*(-?[0-9]+)[^}]*\\}', '$1')::double[]), 0))::int customers_out,
               received_at
        FROM outages WHERE NOT deleted
      )`,
      `CREATE OR REPLACE VIEW current_assets AS (
        SELECT asset_id, kind, name, code, feeder_id, substation, province, city, county, park, area_class,
               customers, transformers, enterprise_customers, lat, lon, valid_from
        FROM assets LATEST ON valid_from PARTITION BY asset_id
      )`,
      `CREATE OR REPLACE VIEW latest_flags AS (
        SELECT * FROM flag_snapshot WHERE as_of = (SELECT max(as_of) FROM snapshot_runs)
      )`,
      `CREATE OR REPLACE VIEW latest_reliability AS (
        SELECT * FROM reliability_snapshot
        WHERE as_of = (SELECT max(as_of) FROM snapshot_runs WHERE reliability IS NOT NULL)
      )`,
    ],
  },
];
