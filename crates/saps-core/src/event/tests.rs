//! Every kind reads from and writes back to exactly the payload saps has
//! always stored for it, so existing journals and feed readers keep working.

use super::*;
use serde_json::json;

const USER: &str = "0190f5a2-7b1c-7d3e-8f40-123456789abc";
const ORG: &str = "0190f5a2-7b1c-7d3e-8f40-0000000000aa";
const AGREEMENT: &str = "0190f5a2-7b1c-7d3e-8f40-0000000000bb";
const LOCATION: &str = "0190f5a2-7b1c-7d3e-8f40-0000000000cc";

fn reservation() -> Value {
    json!({
        "location_id": LOCATION,
        "consultant_id": USER,
        "start_date": "2020-11-02",
        "end_date": "2020-11-06",
        "delivery_country": "FR",
        "reserved_by": USER,
        "reserved_at": "2020-10-20T09:30:00Z",
    })
}

/// One payload per kind, in the shape the journal has always held.
fn stored() -> Vec<(&'static str, Value)> {
    let code = VoucherCode::generate().to_string();
    vec![
        (
            "voucher.created",
            json!({"code": code, "engagement": "ENG-1", "days": 3, "agreement": "A-100",
                   "project_manager_id": USER, "expires_on": "2021-04-30"}),
        ),
        (
            "voucher.assigned",
            json!({"code": code, "partner_id": ORG, "partner": "Tailspin", "expires_on": "2021-04-30"}),
        ),
        (
            "voucher.reserved",
            json!({"code": code, "reservation": reservation(), "location": "Lyon"}),
        ),
        (
            "voucher.reservation_cancelled",
            json!({"code": code, "reason": "the consultant is ill", "reservation": reservation()}),
        ),
        (
            "voucher.cancelled",
            json!({"code": code, "refunded_days": 3}),
        ),
        (
            "voucher.expired",
            json!({"code": code, "expired_on": "2021-04-30", "refunded_days": 0}),
        ),
        (
            "days.removed",
            json!({"agreement": "A-100", "agreement_id": AGREEMENT, "days": 12, "on": "2021-07-01"}),
        ),
        (
            "partner.created",
            json!({"id": ORG, "name": "Tailspin", "country": "FR", "locations": [
                {"id": LOCATION, "partner_id": ORG, "name": "Lyon", "country": "FR", "city": "Lyon"}
            ]}),
        ),
        (
            "customer.created",
            json!({"id": ORG, "name": "Contoso", "country": "DE"}),
        ),
        ("operator.created", json!({"id": ORG, "name": "Operator"})),
        (
            "user.created",
            json!({"id": USER, "email": "pm@contoso.example", "name": "Pat", "role": "project_manager",
                   "org_id": ORG}),
        ),
        (
            "agreement.added",
            json!({"agreement": "A-100", "agreement_id": AGREEMENT, "sa_start": "2019-01-01",
                   "sa_end": "2021-12-31", "days": 15, "accrued": 15}),
        ),
        ("benefit.activated", json!({})),
        (
            "clock.moved",
            json!({"from": "2020-11-02T09:00:00Z", "to": "2020-11-09T09:00:00.5Z"}),
        ),
        ("program.changed", json!({"version": 4})),
        (
            "training.recorded",
            json!({"partner_id": ORG, "course": "Compliance", "completed_on": "2020-10-01"}),
        ),
        (
            "competency.recorded",
            json!({"partner_id": ORG, "competency": "Datacenter", "level": "gold",
                   "valid_until": "2021-09-30"}),
        ),
        (
            "exam.recorded",
            json!({"partner_id": ORG, "user_id": USER, "exam": "AZ-800", "passed_on": "2020-09-15"}),
        ),
        (
            "location.added",
            json!({"location": {"id": LOCATION, "partner_id": ORG, "name": "Nice", "country": "FR",
                   "city": "Nice"}}),
        ),
        ("provider_agreement.published", json!({"version": 2})),
        (
            "provider_agreement.signed",
            json!({"partner_id": ORG, "version": 2}),
        ),
        (
            "enrollment.created",
            json!({"partner_id": ORG, "offering": "SSDPS", "location_ids": [LOCATION],
                   "valid_until": "2021-11-01", "agreement_version": 1}),
        ),
        (
            "enrollment.renewed",
            json!({"partner_id": ORG, "offering": "SSDPS", "location_ids": [LOCATION],
                   "valid_until": "2022-11-01", "agreement_version": 2}),
        ),
        ("user.disabled", json!({"id": USER, "org_id": ORG})),
        ("user.enabled", json!({"id": USER, "org_id": ORG})),
        (
            "user.locale_changed",
            json!({"id": USER, "org_id": ORG, "locale": "pt-BR"}),
        ),
        (
            "voucher.returned",
            json!({"code": code, "partner_id": ORG, "partner": "Tailspin",
                   "reason": "no consultant free before it expires"}),
        ),
        (
            "profile.updated",
            json!({"partner_id": ORG, "description": "Serviços de nuvem", "languages": ["pt-BR", "en"],
                   "industries": ["retail"], "website": "https://example.com"}),
        ),
        (
            "voucher.completed",
            json!({"code": code, "report_id": USER, "receipt_sha256": "ab12", "days_onsite": 2,
                   "days_offsite": 1, "files": [{"filename": "report.pdf", "sha256": "cd34",
                   "size": 1024}]}),
        ),
        (
            "voucher.signed_off",
            json!({"code": code, "report_id": USER, "accepted": false, "deemed": false,
                   "comment": "the workshop notes are missing"}),
        ),
        (
            "voucher.redeemed",
            json!({"code": code, "partner_id": ORG, "days": 3}),
        ),
        (
            "voucher.project_manager_changed",
            json!({"code": code, "from": USER, "to": USER}),
        ),
        (
            "payment.registered",
            json!({"partner_id": ORG, "offering": "DDPS"}),
        ),
        (
            "bank_account.set",
            json!({"partner_id": ORG, "location_id": LOCATION, "holder": "Tailspin SARL",
                   "iban": "***********************0189", "bic": "BNPAFRPP"}),
        ),
        (
            "rate_card.changed",
            json!({"rates": [{"country": "FR", "day_rate": {"amount": "1100.50", "currency": "EUR"},
                   "effective_from": "2020-01-01"}]}),
        ),
        (
            "claim.created",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG,
                   "location_id": LOCATION, "total": {"amount": "3301.50", "currency": "EUR"},
                   "codes": [code]}),
        ),
        (
            "claim.submitted",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG}),
        ),
        (
            "claim.approved",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG,
                   "payment_due_on": "2021-04-30"}),
        ),
        (
            "claim.rejected",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG,
                   "reason": "the report is missing", "is_final": false}),
        ),
        (
            "claim.disputed",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG,
                   "reason": "it was attached"}),
        ),
        (
            "claim.paid",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG,
                   "total": {"amount": "3301.50", "currency": "EUR"}, "payment_reference": "TRX-1"}),
        ),
        (
            "voucher.claimed",
            json!({"code": code, "claim_id": USER, "reference": "SAVB-2021-000001"}),
        ),
        (
            "voucher.unclaimed",
            json!({"code": code, "claim_id": USER, "reference": "SAVB-2021-000001"}),
        ),
        (
            "voucher.paid",
            json!({"code": code, "claim_id": USER, "reference": "SAVB-2021-000001"}),
        ),
        (
            "reminder.sent",
            json!({"reminder": "voucher_unreserved", "key": "voucher_unreserved:x:30",
                   "code": code, "deadline": "2021-05-01", "offset_days": 30, "recipients": 2}),
        ),
        (
            "webhook.created",
            json!({"webhook_id": USER, "org_id": ORG, "url": "https://example.com/hook",
                   "events": ["voucher.created"]}),
        ),
        (
            "webhook.deleted",
            json!({"webhook_id": USER, "org_id": ORG}),
        ),
        (
            "webhook.disabled",
            json!({"webhook_id": USER, "org_id": ORG, "failing_since": "2020-11-02T00:00:00Z"}),
        ),
        (
            "training_days.granted",
            json!({"agreement": "A-100", "agreement_id": AGREEMENT, "training_days": 4}),
        ),
        (
            "days.converted",
            json!({"agreement": "A-100", "agreement_id": AGREEMENT, "training_days": 4,
                   "planning_days": 4}),
        ),
        (
            "voucher.expiry_moved",
            json!({"code": code, "from": "2021-04-30", "to": "2021-01-30"}),
        ),
        (
            "claim.withdrawn",
            json!({"claim_id": USER, "reference": "SAVB-2021-000001", "partner_id": ORG}),
        ),
        (
            "user.notifications_changed",
            json!({"id": USER, "org_id": ORG, "reminders": false, "voucher_updates": true,
                   "payments": true}),
        ),
    ]
}

#[test]
fn every_kind_reads_and_writes_back_the_payload_it_always_had() {
    for (kind, payload) in stored() {
        let body = EventBody::from_parts(kind, &payload)
            .unwrap_or_else(|e| panic!("{kind} does not read {payload}: {e}"));
        assert_eq!(body.kind(), kind);
        assert_eq!(body.into_parts(), (kind, payload), "{kind}");
    }
}

#[test]
fn the_list_of_kinds_is_exactly_the_kinds_of_the_variants() {
    let tested: Vec<&str> = stored().iter().map(|(k, _)| *k).collect();
    assert_eq!(tested, EventBody::KINDS);
    let mut unique = EventBody::KINDS.to_vec();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), EventBody::KINDS.len());
}

#[test]
fn serialises_as_kind_and_payload() {
    let body = EventBody::from(ProgramChanged { version: 4 });
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({"kind": "program.changed", "payload": {"version": 4}})
    );
    let body: EventBody =
        serde_json::from_value(json!({"kind": "benefit.activated", "payload": {}})).unwrap();
    assert_eq!(body, EventBody::BenefitActivated(BenefitActivated {}));
}

#[test]
fn typed_fields_take_the_stored_values() {
    let (kind, payload) = &stored()[4];
    let Ok(EventBody::VoucherCancelled(c)) = EventBody::from_parts(kind, payload) else {
        panic!("not a cancellation");
    };
    assert_eq!(c.refunded_days, Days(3));
    assert_eq!(c.code.to_string(), payload["code"]);
    let r: Reservation = serde_json::from_value(reservation()).unwrap();
    assert_eq!(r.start_date, jiff::civil::date(2020, 11, 2));
    assert_eq!(r.location_id.to_string(), LOCATION);
}

#[test]
fn unknown_kinds_and_misshapen_payloads_are_errors() {
    assert!(EventBody::from_parts("partner.enrolled", &json!({})).is_err());
    assert!(EventBody::from_parts("test.tick", &json!({"i": 1})).is_err());
    assert!(EventBody::from_parts("voucher.reserved", &json!({})).is_err());
    assert!(EventBody::from_parts("program.changed", &json!({"version": "four"})).is_err());
    assert!(EventBody::from_parts("benefit.activated", &Value::Null).is_err());
}
