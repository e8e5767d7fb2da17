"""Staff pages for online-form submissions that could not be logged as cases automatically."""
