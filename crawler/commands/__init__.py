"""Project commands (settings.COMMANDS_MODULE): `crawl` with checked arguments and an honest exit status."""
