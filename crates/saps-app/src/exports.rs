//! Exporting the caller's vouchers: every voucher the list would show, read
//! page by page (keyset on the id) in short read transactions and handed on
//! through a bounded channel, so that memory stays bounded however many
//! vouchers match. Names (customer, partner, location, consultant) are looked
//! up once and cached per export.

use crate::App;
use saps_core::authz::scope;
use saps_core::port::{ListCursor, Store, Tx, VoucherList};
use saps_core::{Actor, Error, LocationId, OrgId, UserId, Voucher, VoucherState};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

/// Vouchers read per transaction.
pub const EXPORT_PAGE: u32 = 1000;
/// Pages read ahead of the writer.
const AHEAD: usize = 2;
/// Cached names beyond this are forgotten (memory stays bounded).
const CACHE_MAX: usize = 20_000;

/// Which vouchers to export: the list's filters (see [`App::voucher_list`]).
pub type ExportFilter = crate::lists::ListFilter;

/// One voucher as a line of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRow {
    pub code: String,
    pub state: VoucherState,
    pub customer: String,
    pub partner: String,
    pub engagement: String,
    pub days: u32,
    pub created_at: jiff::Timestamp,
    pub assigned_at: Option<jiff::Timestamp>,
    pub start_date: Option<jiff::civil::Date>,
    pub end_date: Option<jiff::civil::Date>,
    pub expires_on: jiff::civil::Date,
    pub location: String,
    pub consultant: String,
}

/// The columns, in order (English headers).
pub const EXPORT_COLUMNS: [&str; 13] = [
    "Voucher ID",
    "State",
    "Customer",
    "Partner",
    "Engagement",
    "Days",
    "Created",
    "Assigned",
    "Reservation start",
    "Reservation end",
    "Expires",
    "Location",
    "Consultant",
];

/// A page of export rows, or the error that ended the export.
pub type ExportPage = Result<Vec<ExportRow>, Error>;

#[derive(Default)]
struct Names {
    orgs: HashMap<OrgId, String>,
    users: HashMap<UserId, String>,
    locations: HashMap<LocationId, String>,
}

impl Names {
    fn bound(&mut self) {
        if self.orgs.len() + self.users.len() + self.locations.len() > CACHE_MAX {
            *self = Names::default();
        }
    }

    fn org(&mut self, tx: &mut dyn Tx, id: OrgId) -> Result<String, Error> {
        if let Some(n) = self.orgs.get(&id) {
            return Ok(n.clone());
        }
        let n = tx.org(id)?.map(|o| o.name).unwrap_or_default();
        self.orgs.insert(id, n.clone());
        Ok(n)
    }

    fn user(&mut self, tx: &mut dyn Tx, id: UserId) -> Result<String, Error> {
        if let Some(n) = self.users.get(&id) {
            return Ok(n.clone());
        }
        let n = tx.user(id)?.map(|u| u.name).unwrap_or_default();
        self.users.insert(id, n.clone());
        Ok(n)
    }

    fn location(&mut self, tx: &mut dyn Tx, id: LocationId) -> Result<String, Error> {
        if let Some(n) = self.locations.get(&id) {
            return Ok(n.clone());
        }
        let n = tx.location(id)?.map(|l| l.name).unwrap_or_default();
        self.locations.insert(id, n.clone());
        Ok(n)
    }

    fn row(&mut self, tx: &mut dyn Tx, v: Voucher) -> Result<ExportRow, Error> {
        let customer = self.org(tx, v.customer_id)?;
        let partner = match v.partner_id {
            Some(p) => self.org(tx, p)?,
            None => String::new(),
        };
        let (location, consultant) = match &v.reservation {
            Some(r) => (
                self.location(tx, r.location_id)?,
                self.user(tx, r.consultant_id)?,
            ),
            None => (String::new(), String::new()),
        };
        Ok(ExportRow {
            code: v.code.to_string(),
            state: v.state,
            customer,
            partner,
            engagement: v.engagement,
            days: v.days.0,
            created_at: v.created_at,
            assigned_at: v.assigned_at,
            start_date: v.reservation.as_ref().map(|r| r.start_date),
            end_date: v.reservation.as_ref().map(|r| r.end_date),
            expires_on: v.expires_on,
            location,
            consultant,
        })
    }
}

impl App {
    /// Every voucher within the actor's scope that the filter keeps, oldest
    /// first, as pages on a bounded channel. The first page is read before
    /// this returns, so a failing store is an error here rather than a broken
    /// stream; later failures arrive as an `Err` page. Dropping the receiver
    /// stops the reading.
    pub async fn export_vouchers(
        &self,
        actor: &Actor,
        filter: ExportFilter,
    ) -> Result<mpsc::Receiver<ExportPage>, Error> {
        self.export_vouchers_by(actor, filter, EXPORT_PAGE).await
    }

    /// As [`App::export_vouchers`], `page` vouchers per read.
    pub async fn export_vouchers_by(
        &self,
        actor: &Actor,
        filter: ExportFilter,
        page: u32,
    ) -> Result<mpsc::Receiver<ExportPage>, Error> {
        let page = page.max(1);
        let names = Arc::new(Mutex::new(Names::default()));
        let base = filter.list(scope(actor), None, page);
        let store = self.store.clone();
        let (first, mut after) = export_page(&store, &base, None, &names).await?;
        let (send, recv) = mpsc::channel(AHEAD);
        let done = first.len() < page as usize;
        tokio::spawn(async move {
            if send.send(Ok(first)).await.is_err() || done {
                return;
            }
            loop {
                let next = export_page(&store, &base, after, &names).await;
                let (rows, last) = match next {
                    Ok(p) => p,
                    Err(e) => {
                        let _ = send.send(Err(e)).await;
                        return;
                    }
                };
                let done = rows.len() < page as usize;
                after = last;
                if send.send(Ok(rows)).await.is_err() || done {
                    return;
                }
            }
        });
        Ok(recv)
    }
}

async fn export_page(
    store: &Arc<dyn Store>,
    base: &VoucherList,
    after: Option<ListCursor>,
    names: &Arc<Mutex<Names>>,
) -> Result<(Vec<ExportRow>, Option<ListCursor>), Error> {
    let query = VoucherList {
        after,
        ..base.clone()
    };
    let names = names.clone();
    saps_core::port::read(&**store, move |tx| {
        let vs = tx.voucher_list(&query)?;
        let last = vs.last().map(|v| ListCursor {
            expires_on: v.expires_on,
            id: v.id,
        });
        let mut names = names.lock().unwrap_or_else(|p| p.into_inner());
        names.bound();
        let rows = vs
            .into_iter()
            .map(|v| names.row(tx, v))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((rows, last))
    })
    .await
}
