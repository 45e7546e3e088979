//! Partners' enrollments in offerings.

use super::*;
use crate::micros;
use saps_core::port::{Enrollment, Enrollments};
use saps_core::{OrgId, UserId};

const COLS: &str = "id, partner_id, offering, location_ids, valid_until, agreement_version, \
                    enrolled_at, enrolled_by, version";

fn enrollment_row(r: &Row) -> StoreResult<Enrollment> {
    let locations: String = get(r, 3)?;
    Ok(Enrollment {
        id: get(r, 0)?,
        partner_id: OrgId(get(r, 1)?),
        offering: get(r, 2)?,
        location_ids: serde_json::from_str(&locations)
            .map_err(|e| corrupt(format_args!("location_ids {locations:?}: {e}")))?,
        valid_until: get(r, 4)?,
        agreement_version: u32_col(r, 5)?,
        enrolled_at: get(r, 6)?,
        enrolled_by: UserId(get(r, 7)?),
        version: u32_col(r, 8)?,
    })
}

fn location_ids(e: &Enrollment) -> String {
    serde_json::to_string(&e.location_ids).expect("ids serialise")
}

impl Enrollments for PgTx<'_> {
    fn insert_enrollment(&mut self, e: &Enrollment) -> StoreResult<()> {
        let (at, ids) = (micros(e.enrolled_at), location_ids(e));
        let (agreement, version) = (
            int(e.agreement_version, "agreement version")?,
            int(e.version, "version")?,
        );
        self.insert(
            &format!(
                "INSERT INTO enrollments ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT DO NOTHING"
            ),
            &[
                &e.id,
                &e.partner_id.0,
                &e.offering,
                &ids,
                &e.valid_until,
                &agreement,
                &at,
                &e.enrolled_by.0,
                &version,
            ],
            |_| Ok("enrollment_offering"),
        )?;
        self.directory_changed(e.partner_id);
        Ok(())
    }

    fn enrollment(&mut self, partner: OrgId, offering: &str) -> StoreResult<Option<Enrollment>> {
        let lock = self.for_update();
        self.row(
            &format!(
                "SELECT {COLS} FROM enrollments WHERE partner_id = $1 AND offering = $2{lock}"
            ),
            &[&partner.0, &offering],
        )?
        .as_ref()
        .map(enrollment_row)
        .transpose()
    }

    fn enrollments(&mut self, partner: OrgId) -> StoreResult<Vec<Enrollment>> {
        self.rows(
            &format!("SELECT {COLS} FROM enrollments WHERE partner_id = $1 ORDER BY offering"),
            &[&partner.0],
        )?
        .iter()
        .map(enrollment_row)
        .collect()
    }

    fn update_enrollment(&mut self, e: &Enrollment) -> StoreResult<bool> {
        let (at, ids) = (micros(e.enrolled_at), location_ids(e));
        let (agreement, version) = (
            int(e.agreement_version, "agreement version")?,
            int(e.version, "version")?,
        );
        let n = self.exec(
            "UPDATE enrollments SET location_ids = $2, valid_until = $3, agreement_version = $4, \
             enrolled_at = $5, enrolled_by = $6, version = $7 WHERE id = $1 AND version = $7 - 1",
            &[
                &e.id,
                &ids,
                &e.valid_until,
                &agreement,
                &at,
                &e.enrolled_by.0,
                &version,
            ],
        )?;
        if n == 1 {
            self.directory_changed(e.partner_id);
        }
        Ok(n == 1)
    }
}
