"""A load or reprocess run: the loop over files (``pipeline``), the worker processes that
extract (``workers``, forked from ``warm``), triage of input files and the quarantine
(``triage``), a run's bookkeeping and the load lock (``runlog``), and the writer of
articles and their facts (``writer``).

Nothing is imported here: a worker process imports ``etl.run.workers`` and must not pull
in the database side through this package."""
