# handoff: see main.ftl for the conventions.
