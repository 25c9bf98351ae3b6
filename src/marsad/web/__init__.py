"""The workbench: a REST API and Arabic-first web pages over the Python API."""
