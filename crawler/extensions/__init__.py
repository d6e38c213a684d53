"""Extensions: CrawlState (owner of the incremental state), RunReport (the run summary), IdleWorkers (Redis)."""
