"""Dataset side: records (shared/spec/record.md) -> canonical reports, CSV/Parquet
exports, coverage statistics, region codes. The `reports` command is dataset.cli.

Nothing is imported here, so that the parser can use dataset.region without
loading pandas or pyarrow."""
