"""Demo data: landlords, staff in every role, customers and cases in every state, made through the services."""
