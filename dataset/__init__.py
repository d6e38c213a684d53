"""Dataset side: records (shared/spec/record.md) -> the current view (latest versions, one
report per organ and year, organ ids, checks across years and against the text) -> CSV,
Parquet, SQLite/Datasette exports and coverage statistics. The `reports` command is
dataset.cli; region codes come from parsers.region, which fills them in every record."""
