//! Partners' enrollments in offerings.

use super::*;
use saps_core::OrgId;
use saps_core::port::{Enrollment, Enrollments};

const COLS: &str = "id, partner_id, offering, location_ids, valid_until, agreement_version, \
                    enrolled_at, enrolled_by, version";

fn enrollment_row(r: &Row<'_>) -> rusqlite::Result<Enrollment> {
    let locations: String = r.get(3)?;
    Ok(Enrollment {
        id: col(r, 0)?,
        partner_id: col(r, 1)?,
        offering: r.get(2)?,
        location_ids: serde_json::from_str(&locations)
            .map_err(|e| corrupt(3, format_args!("{locations:?}: {e}")))?,
        valid_until: col(r, 4)?,
        agreement_version: r.get(5)?,
        enrolled_at: col(r, 6)?,
        enrolled_by: col(r, 7)?,
        version: r.get(8)?,
    })
}

fn location_ids(e: &Enrollment) -> String {
    serde_json::to_string(&e.location_ids).expect("ids serialise")
}

impl Enrollments for SqliteTx<'_> {
    fn insert_enrollment(&mut self, e: &Enrollment) -> StoreResult<()> {
        if self.enrollment(e.partner_id, &e.offering)?.is_some() {
            return Err(StoreError::Duplicate("enrollment_offering"));
        }
        self.exec(
            &format!(
                "INSERT INTO enrollments ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ),
            params![
                e.id.to_string(),
                e.partner_id.to_string(),
                e.offering,
                location_ids(e),
                e.valid_until.to_string(),
                e.agreement_version,
                timestamp(e.enrolled_at),
                e.enrolled_by.to_string(),
                e.version,
            ],
        )?;
        self.directory_changed(e.partner_id);
        Ok(())
    }

    fn enrollment(&mut self, partner: OrgId, offering: &str) -> StoreResult<Option<Enrollment>> {
        self.one(
            &format!("SELECT {COLS} FROM enrollments WHERE partner_id = ?1 AND offering = ?2"),
            params![partner.to_string(), offering],
            enrollment_row,
        )
    }

    fn enrollments(&mut self, partner: OrgId) -> StoreResult<Vec<Enrollment>> {
        self.all(
            &format!("SELECT {COLS} FROM enrollments WHERE partner_id = ?1 ORDER BY offering"),
            [partner.to_string()],
            enrollment_row,
        )
    }

    fn update_enrollment(&mut self, e: &Enrollment) -> StoreResult<bool> {
        let n = self.exec(
            "UPDATE enrollments SET location_ids = ?2, valid_until = ?3, agreement_version = ?4, \
             enrolled_at = ?5, enrolled_by = ?6, version = ?7 WHERE id = ?1 AND version = ?8",
            params![
                e.id.to_string(),
                location_ids(e),
                e.valid_until.to_string(),
                e.agreement_version,
                timestamp(e.enrolled_at),
                e.enrolled_by.to_string(),
                e.version,
                e.version.wrapping_sub(1),
            ],
        )?;
        if n == 1 {
            self.directory_changed(e.partner_id);
        }
        Ok(n == 1)
    }
}
