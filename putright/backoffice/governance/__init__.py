"""Staff pages for the Code self-assessment and the annual complaints performance report."""
