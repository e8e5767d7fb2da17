"""Staff pages: views, forms and templates only; rules come from the domain and the apps' services."""
