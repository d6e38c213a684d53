"""Dataset side: records (shared/spec/record.md) -> canonical reports, CSV/Parquet
exports, coverage statistics. The `reports` command is dataset.cli; region codes
come from parsers.region, which fills them in every record."""
