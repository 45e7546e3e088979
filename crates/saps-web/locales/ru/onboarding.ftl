# onboarding: see main.ftl for the conventions.
