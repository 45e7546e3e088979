# directory: see main.ftl for the conventions.
