"""Imported by the worker fork server only: imports the transform and builds the
analyzer once, before any fork."""

import etl.transform  # noqa: F401  (so that forked workers find it imported)
from etl.nlp import analyzer

analyzer()
