"""Imported by the worker fork server only: builds the analyzer once, before any fork."""

from etl.nlp import analyzer

analyzer()
