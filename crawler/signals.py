"""The crawler's own signal: every report page or file the spider asked for ends exactly once.

    document_done(outcome, site, role, url, requested, page_url, kind=None, stage=None, mechanism=None)

outcome: "new" | "changed" (a record written), "copy" (another source of a
recorded report, in alternates.jsonl), "unchanged" (as last seen, nothing
written), "error" (a line of errors.jsonl, or the same failure as last run),
"files" (a report page whose report is only in the files it links; they end
on their own).
`requested` is the URL asked for when redirects led to `url`. Failures of
listing and navigation pages are sent too (role "listing" / "nav").

CrawlState settles documents on it (a page counts as seen only once it and its
files are done); RunReport counts it per site.
"""

document_done = object()

DOCUMENT_ROLES = ("page", "attachment")
