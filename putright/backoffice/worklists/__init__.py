"""My work, team work and the case list (issue "Back office")."""
