"""Item pipelines, one per module, in order: dedupe → validate → version → write.

Records arrive parsed (crawler.middlewares.parse). Only records leave the
last pipeline, so FEEDS and `-o` export exactly the records; failures and
other sources of a report are written to errors.jsonl and alternates.jsonl.
"""
