//! E-mail addresses as saps accepts them for a user: normalised for lookup,
//! and parsed by the mailer's own parser, so that every stored address is one
//! mail can actually be sent to (an address the mailer refuses would fail
//! delivery forever).

use saps_core::Error;
use saps_core::org::email_address;

/// The normalised address, or `validation.email` saying why it is not one.
pub fn deliverable_address(s: &str) -> Result<String, Error> {
    let normal = email_address(s).map_err(|m| Error::invalid("email", m))?;
    // The same parser `mail::build_message` meets when it sends.
    match normal.parse::<lettre::Address>() {
        Ok(_) => Ok(normal),
        Err(e) => Err(Error::invalid(
            "email",
            format!("{s:?} is not an e-mail address ({e})"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::deliverable_address;
    use saps_core::Error;

    #[test]
    fn only_addresses_the_mailer_can_parse_are_accepted() {
        assert_eq!(
            deliverable_address(" Ana@Example.COM ").as_deref(),
            Ok("ana@example.com")
        );
        for bad in [
            "x\"><svg/onload=alert(4)>@tailspin.example",
            "a<b@example.com",
            "a(b)@example.com",
            "a,b@example.com",
            "ana@exa_mple..com",
            "ana@example",
        ] {
            let refused = deliverable_address(bad);
            assert!(
                matches!(&refused, Err(Error::Invalid { field, .. }) if field == "email"),
                "{bad:?}: {refused:?}"
            );
        }
    }
}
