//! The contract: The stored program.

use super::*;

/// The program is absent in a new database, reads back as stored, and is
/// replaced by the next one.
pub fn the_program_round_trips_and_is_replaced(store: &dyn Store) {
    assert_eq!(read(store, |tx| Ok(tx.program()?)), None);
    let first = json!({
        "version": 1,
        "name": "Planning Services",
        "voucher_validity_days": 365,
        "milestones": [{"name": "accrual_ended", "date": "2025-03-01"}],
        "offerings": [{"code": "DDPS", "engagements": [{"code": "DDPS-AZURE", "lengths": [1, 3, 5]}]}],
    });
    let stored = first.clone();
    write(store, move |tx| Ok(tx.put_program(&stored)?));
    assert_eq!(read(store, |tx| Ok(tx.program()?)), Some(first.clone()));
    let mut second = first;
    second["version"] = json!(2);
    second["name"] = json!("Planning Services — révisé");
    let stored = second.clone();
    write(store, move |tx| Ok(tx.put_program(&stored)?));
    assert_eq!(read(store, |tx| Ok(tx.program()?)), Some(second));
}
