"""Staff: people who sign in, and the roles they hold at each landlord."""
