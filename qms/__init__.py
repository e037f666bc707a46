"""QMS for Vietnamese commune offices: ISO 9001:2015 records traced to the yearly CCHC plan."""

__version__ = "0.1.0"
