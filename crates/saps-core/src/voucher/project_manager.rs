//! Handing a voucher not yet delivered to another project manager.

use super::{Voucher, VoucherState};
use crate::error::{Entity, Error, Rule};
use crate::org::{Role, User};

impl Voucher {
    /// Another project manager of the customer takes the voucher over, while
    /// it is not yet delivered (created, assigned or reserved).
    pub fn change_project_manager(&self, pm: &User) -> Result<Voucher, Error> {
        if !matches!(
            self.state,
            VoucherState::Created | VoucherState::Assigned | VoucherState::Reserved
        ) {
            return Err(Error::Conflict {
                entity: Entity::Voucher,
                message: format!(
                    "The voucher is {}; its project manager can change only before delivery.",
                    self.state.as_str()
                ),
            });
        }
        if pm.org_id != self.customer_id || pm.role != Role::ProjectManager || pm.disabled {
            return Err(Rule::ProjectManagerNotInCustomer.into());
        }
        let mut v = self.clone();
        v.project_manager_id = pm.id;
        v.version += 1;
        Ok(v)
    }
}
