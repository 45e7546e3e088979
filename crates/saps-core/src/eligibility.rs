//! Eligibility (filled in by the next step).
