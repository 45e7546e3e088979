//! The JSON API under `/api/v1`: parse into domain types, call one use case,
//! answer JSON. No business rule lives here.

use crate::AppState;
use crate::extract::{Caller, Json, Query, date, id, voucher_code};
use crate::openapi::{
    Api, Op, array, boolean, date as date_s, enumeration, instant, int, list_of, obj, s,
};
use crate::problem::{ApiResult, Problem};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use saps_app::{NewLocation, NewUser, NewVoucherRequest, ReserveInput, VoucherView};
use saps_core::{
    Location, Org, OrgId, OrgKind, Program, Role, User, UserId, VoucherId, VoucherState,
};
use serde::Deserialize;
use serde_json::{Value, json};

fn created(v: Value) -> Response {
    (StatusCode::CREATED, axum::Json(v)).into_response()
}

fn ok(v: Value) -> Response {
    axum::Json(v).into_response()
}

fn user_json(u: &User) -> Value {
    json!({"id": u.id, "email": u.email, "name": u.name, "role": u.role, "org_id": u.org_id})
}

fn org_json(o: &Org) -> Value {
    json!({"id": o.id, "kind": o.kind, "name": o.name, "country": o.country})
}

fn location_json(l: &Location) -> Value {
    json!({"id": l.id, "name": l.name, "country": l.country, "city": l.city})
}

fn voucher_json(v: &VoucherView) -> Value {
    serde_json::to_value(v).expect("voucher serializes")
}

// ---- schemas -----------------------------------------------------------------

fn user_schema() -> Value {
    obj(
        &[
            ("id", s()),
            ("email", s()),
            ("name", s()),
            ("role", role_schema()),
            ("org_id", s()),
        ],
        &["id", "email", "name", "role", "org_id"],
    )
}
fn role_schema() -> Value {
    enumeration(&Role::ALL.map(Role::as_str))
}
fn state_schema() -> Value {
    enumeration(&VoucherState::ALL.map(VoucherState::as_str))
}
fn location_schema() -> Value {
    obj(
        &[("id", s()), ("name", s()), ("country", s()), ("city", s())],
        &["id", "name", "country"],
    )
}
fn event_schema() -> Value {
    obj(
        &[
            ("seq", int()),
            ("id", s()),
            ("at", instant()),
            ("actor_id", s()),
            ("kind", s()),
            ("payload", json!({"type": "object"})),
            ("voucher_id", s()),
            ("customer_id", s()),
            ("partner_id", s()),
            ("program_version", int()),
        ],
        &["seq", "id", "at", "kind", "payload"],
    )
}
fn voucher_schema() -> Value {
    obj(
        &[
            ("id", s()),
            ("code", s()),
            ("state", state_schema()),
            ("customer_id", s()),
            ("agreement", s()),
            ("agreement_id", s()),
            ("engagement", s()),
            ("days", int()),
            ("project_manager_id", s()),
            ("created_by", s()),
            ("partner_id", s()),
            (
                "reservation",
                obj(
                    &[
                        ("location_id", s()),
                        ("consultant_id", s()),
                        ("start_date", date_s()),
                        ("end_date", date_s()),
                        ("delivery_country", s()),
                        ("reserved_by", s()),
                        ("reserved_at", instant()),
                    ],
                    &[],
                ),
            ),
            ("created_at", instant()),
            ("assigned_at", instant()),
            ("expires_on", date_s()),
            ("version", int()),
            ("history", array(event_schema())),
        ],
        &["id", "code", "state", "expires_on"],
    )
}

// ---- requests ------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenRequest {
    email: String,
    password: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockRequest {
    set: Option<String>,
    advance_days: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationRequest {
    name: String,
    country: String,
    #[serde(default)]
    city: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerRequest {
    name: String,
    country: String,
    locations: Vec<LocationRequest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomerRequest {
    name: String,
    country: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserRequest {
    email: String,
    name: String,
    role: Role,
    password: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgreementRequest {
    number: String,
    sa_start: String,
    sa_end: String,
    days: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoucherRequest {
    customer_id: OrgId,
    agreement: String,
    engagement: String,
    days: u32,
    project_manager_id: UserId,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignRequest {
    partner_id: OrgId,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValidateRequest {
    code: String,
    customer_email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReserveRequest {
    location_id: saps_core::LocationId,
    consultant_id: UserId,
    start_date: String,
    end_date: String,
    accept_terms: bool,
    delivery_country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CancelReservationRequest {
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    state: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsQuery {
    after: Option<String>,
    /// The `next_cursor` of the previous page (the same as `after`).
    cursor: Option<String>,
    limit: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmptyQuery {}

fn limit(raw: Option<&str>, default: u32) -> ApiResult<u32> {
    match raw {
        None => Ok(default),
        Some(l) => match l.parse::<u32>() {
            Ok(n) if (1..=500).contains(&n) => Ok(n),
            _ => Err(
                Problem::malformed("limit", "limit must be a whole number from 1 to 500").into(),
            ),
        },
    }
}

/// Empty bodies are allowed on action POSTs that take no input.
async fn no_body(body: axum::body::Bytes) -> ApiResult<()> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let v: Value = crate::extract::parse_json(&body)?;
    match v.as_object() {
        Some(m) if m.is_empty() => Ok(()),
        _ => Err(Problem::malformed(
            "body",
            "this action takes no body (or an empty JSON object)",
        )
        .into()),
    }
}

// ---- handlers --------------------------------------------------------------------

async fn token(State(st): State<AppState>, Json(r): Json<TokenRequest>) -> ApiResult<Response> {
    let (token, user) = st.app.issue_token(&r.email, &r.password).await?;
    Ok(created(json!({"token": token, "user": user_json(&user)})))
}

async fn me(c: Caller) -> ApiResult<Response> {
    Ok(ok(user_json(&c.user)))
}

async fn clock_get(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    Ok(ok(
        json!({"now": st.app.now(), "today": st.app.today(), "simulated": st.app.clock.is_simulated()}),
    ))
}

async fn clock_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ClockRequest>,
) -> ApiResult<Response> {
    let to = match (r.set, r.advance_days) {
        (Some(d), None) => saps_app::ClockMove::Set(date("set", &d)?),
        (None, Some(n)) if (1..=3650).contains(&n) => saps_app::ClockMove::Advance(n),
        (None, Some(_)) => {
            return Err(
                Problem::malformed("advance_days", "advance_days must be from 1 to 3650").into(),
            );
        }
        _ => {
            return Err(Problem::malformed(
                "body",
                "send either {\"set\": \"YYYY-MM-DD\"} or {\"advance_days\": N}",
            )
            .into());
        }
    };
    let now = st.app.move_clock(&c.actor, to).await?;
    Ok(ok(
        json!({"now": now, "today": saps_core::program_date(now), "simulated": true}),
    ))
}

async fn partners_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<PartnerRequest>,
) -> ApiResult<Response> {
    let locations = r
        .locations
        .into_iter()
        .map(|l| NewLocation {
            name: l.name,
            country: l.country,
            city: l.city,
        })
        .collect();
    let (org, locs) = st
        .app
        .create_partner(&c.actor, &r.name, &r.country, locations)
        .await?;
    let mut v = org_json(&org);
    v["locations"] = locs.iter().map(location_json).collect();
    Ok(created(v))
}

async fn orgs_list(st: &AppState, c: &Caller, kind: OrgKind) -> ApiResult<Response> {
    let orgs = st.app.orgs(&c.actor, kind).await?;
    let mut items = Vec::with_capacity(orgs.len());
    for o in &orgs {
        let mut v = org_json(o);
        if kind == OrgKind::Partner {
            v["locations"] = st
                .app
                .locations(o.id)
                .await?
                .iter()
                .map(location_json)
                .collect();
        }
        items.push(v);
    }
    Ok(ok(json!({"items": items, "next_cursor": null})))
}

async fn partners_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    orgs_list(&st, &c, OrgKind::Partner).await
}

async fn partner_get(
    State(st): State<AppState>,
    _c: Caller,
    Path(pid): Path<String>,
) -> ApiResult<Response> {
    let (org, locations) = st.app.partner(id("id", &pid)?).await?;
    let mut v = org_json(&org);
    v["locations"] = locations.iter().map(location_json).collect();
    Ok(ok(v))
}

async fn customers_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<CustomerRequest>,
) -> ApiResult<Response> {
    let org = st
        .app
        .create_customer(&c.actor, &r.name, &r.country)
        .await?;
    Ok(created(org_json(&org)))
}

async fn customers_get(State(st): State<AppState>, c: Caller) -> ApiResult<Response> {
    orgs_list(&st, &c, OrgKind::Customer).await
}

async fn users_post(
    State(st): State<AppState>,
    c: Caller,
    Path(org): Path<String>,
    Json(r): Json<UserRequest>,
) -> ApiResult<Response> {
    let org: OrgId = id("org_id", &org)?;
    let u = st
        .app
        .add_user(
            Some(&c.actor),
            org,
            NewUser {
                email: r.email,
                name: r.name,
                role: r.role,
                password: r.password,
            },
        )
        .await?;
    Ok(created(user_json(&u)))
}

async fn users_get(
    State(st): State<AppState>,
    c: Caller,
    Path(org): Path<String>,
) -> ApiResult<Response> {
    let org: OrgId = id("org_id", &org)?;
    let users = st.app.users(&c.actor, org).await?;
    Ok(ok(
        json!({"items": users.iter().map(user_json).collect::<Vec<_>>(), "next_cursor": null}),
    ))
}

async fn offerings(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    let p = st.app.program();
    let items: Vec<Value> = p
        .offerings
        .iter()
        .map(|o| {
            json!({
                "code": o.code,
                "name": o.name,
                "engagements": o.engagements.iter().map(|e| json!({
                    "code": e.code, "name": e.name, "cloud": e.cloud, "lengths": e.lengths,
                    "competency": e.competency, "exams": e.exams,
                    "retired_on": p.engagement_retired_on(e),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(ok(Value::Array(items)))
}

fn program_json(p: &Program) -> Value {
    json!({
        "name": p.name,
        "version": p.version,
        "voucher_validity_days": p.voucher_validity_days,
        "expiry_anchor": p.expiry_anchor,
        "claim_window_days": p.claim_window_days,
        "payment_due_days": p.payment_due_days,
        "milestones": p.milestones,
        "time_zone": "UTC",
        "deadline_semantics": "A last day D allows the action until D 23:59:59 UTC; a date on which something ends or is removed takes effect at 00:00 UTC.",
    })
}

async fn program_get(State(st): State<AppState>, _c: Caller) -> ApiResult<Response> {
    Ok(ok(program_json(&st.app.program())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramRequest {
    name: Option<String>,
    voucher_validity_days: u32,
    expiry_anchor: saps_core::ExpiryAnchor,
    claim_window_days: u32,
    payment_due_days: Option<u32>,
    milestones: Vec<saps_core::Milestone>,
    #[serde(default)]
    version: Option<u32>,
    #[serde(default)]
    time_zone: Option<String>,
    #[serde(default)]
    deadline_semantics: Option<String>,
}

async fn program_put(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ProgramRequest>,
) -> ApiResult<Response> {
    let _ = (r.version, r.time_zone, r.deadline_semantics);
    let current = st.app.program();
    let next = Program {
        version: current.version,
        name: r.name.unwrap_or_else(|| current.name.clone()),
        voucher_validity_days: r.voucher_validity_days,
        expiry_anchor: r.expiry_anchor,
        claim_window_days: r.claim_window_days,
        payment_due_days: r.payment_due_days.unwrap_or(current.payment_due_days),
        milestones: r.milestones,
        offerings: Vec::new(),
    };
    let p = st.app.put_program(&c.actor, next).await?;
    Ok(ok(program_json(&p)))
}

async fn agreements_post(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    Json(r): Json<AgreementRequest>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    let a = st
        .app
        .add_agreement(
            &c.actor,
            cid,
            &r.number,
            date("sa_start", &r.sa_start)?,
            date("sa_end", &r.sa_end)?,
            r.days,
        )
        .await?;
    Ok(created(
        json!({"id": a.id, "number": a.number, "sa_start": a.sa_start, "sa_end": a.sa_end, "days": a.days, "accrued": a.available, "available": a.available}),
    ))
}

async fn benefit_activate(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    no_body(body).await?;
    let cid: OrgId = id("id", &cid)?;
    st.app.activate_benefit(&c.actor, cid).await?;
    let b = st.app.benefit(&c.actor, cid).await?;
    Ok(ok(serde_json::to_value(b).expect("serializes")))
}

async fn benefit_get(
    State(st): State<AppState>,
    c: Caller,
    Path(cid): Path<String>,
) -> ApiResult<Response> {
    let cid: OrgId = id("id", &cid)?;
    let b = st.app.benefit(&c.actor, cid).await?;
    Ok(ok(serde_json::to_value(b).expect("serializes")))
}

async fn vouchers_post(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<VoucherRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .create_voucher(
            &c.actor,
            NewVoucherRequest {
                customer_id: r.customer_id,
                agreement: r.agreement,
                engagement: r.engagement,
                days: r.days,
                project_manager_id: r.project_manager_id,
            },
        )
        .await?;
    Ok(created(voucher_json(&v)))
}

async fn vouchers_get(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<ListQuery>,
) -> ApiResult<Response> {
    let state =
        match q.state.as_deref() {
            None | Some("") => None,
            Some(s) => Some(VoucherState::parse(s).ok_or_else(|| {
                Problem::malformed("state", format!("{s:?} is not a voucher state"))
            })?),
        };
    let limit = limit(q.limit.as_deref(), 100)?;
    let after: Option<VoucherId> =
        match q.cursor.as_deref() {
            None | Some("") => None,
            Some(cur) => Some(decode_cursor(cur).ok_or_else(|| {
                Problem::malformed("cursor", "this cursor was not issued by saps")
            })?),
        };
    let items = st.app.vouchers(&c.actor, state, after, limit).await?;
    let next = if items.len() == limit as usize {
        items.last().map(|v| encode_cursor(v.id))
    } else {
        None
    };
    Ok(ok(
        json!({"items": items.iter().map(voucher_json).collect::<Vec<_>>(), "next_cursor": next}),
    ))
}

fn encode_cursor(id: VoucherId) -> String {
    format!("v1.{}", id.0.simple())
}

fn decode_cursor(s: &str) -> Option<VoucherId> {
    s.strip_prefix("v1.")
        .and_then(|h| uuid::Uuid::parse_str(h).ok())
        .map(VoucherId)
}

async fn voucher_get(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
) -> ApiResult<Response> {
    let v = st.app.voucher(&c.actor, voucher_code(&code)?).await?;
    Ok(ok(voucher_json(&v)))
}

async fn voucher_assign(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<AssignRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .assign_voucher(&c.actor, voucher_code(&code)?, r.partner_id)
        .await?;
    Ok(ok(voucher_json(&v)))
}

async fn voucher_cancel(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let code = voucher_code(&code)?;
    no_body(body).await?;
    let v = st.app.cancel_voucher(&c.actor, code).await?;
    Ok(ok(voucher_json(&v)))
}

async fn voucher_validate(
    State(st): State<AppState>,
    c: Caller,
    Json(r): Json<ValidateRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .validate_voucher(&c.actor, voucher_code(&r.code)?, &r.customer_email)
        .await?;
    Ok(ok(voucher_json(&v)))
}

async fn voucher_reserve(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<ReserveRequest>,
) -> ApiResult<Response> {
    let input = ReserveInput {
        location_id: r.location_id,
        consultant_id: r.consultant_id,
        start_date: date("start_date", &r.start_date)?,
        end_date: date("end_date", &r.end_date)?,
        accept_terms: r.accept_terms,
        delivery_country: r.delivery_country,
    };
    let v = st
        .app
        .reserve_voucher(&c.actor, voucher_code(&code)?, input)
        .await?;
    Ok(ok(voucher_json(&v)))
}

async fn voucher_cancel_reservation(
    State(st): State<AppState>,
    c: Caller,
    Path(code): Path<String>,
    Json(r): Json<CancelReservationRequest>,
) -> ApiResult<Response> {
    let v = st
        .app
        .cancel_reservation(&c.actor, voucher_code(&code)?, &r.reason)
        .await?;
    Ok(ok(voucher_json(&v)))
}

async fn events(
    State(st): State<AppState>,
    c: Caller,
    Query(q): Query<EventsQuery>,
) -> ApiResult<Response> {
    let after = match q.after.as_deref().or(q.cursor.as_deref()) {
        None | Some("") => 0,
        Some(a) => a.parse::<i64>().ok().filter(|n| *n >= 0).ok_or_else(|| {
            Problem::malformed(
                "after",
                "after must be an event sequence number (0 or more)",
            )
        })?,
    };
    let limit = limit(q.limit.as_deref(), 100)?;
    let items = st.app.events(&c.actor, after, limit).await?;
    let next = if items.len() == limit as usize {
        items.last().map(|e| e.seq.to_string())
    } else {
        None
    };
    Ok(ok(json!({"items": items, "next_cursor": next})))
}

async fn empty_query(Query(_): Query<EmptyQuery>) {}

/// Every `/api/v1` route with its documentation.
pub fn api() -> Api {
    let voucher = voucher_schema;
    let org = || {
        obj(
            &[
                ("id", s()),
                ("kind", s()),
                ("name", s()),
                ("country", s()),
                ("locations", array(location_schema())),
            ],
            &["id", "name"],
        )
    };
    let _ = empty_query;
    Api::new()
        .route("post", "/api/v1/auth/token", post(token), Op::new("auth", "Exchange an e-mail and password for a bearer token (shown once)").public().body(obj(&[("email", s()), ("password", s())], &["email", "password"])).ok(201, obj(&[("token", s()), ("user", user_schema())], &["token", "user"])).errors(&[401, 429]))
        .route("get", "/api/v1/me", get(me), Op::new("auth", "The signed-in user").ok(200, user_schema()))
        .route("get", "/api/v1/clock", get(clock_get), Op::new("program", "The program clock").ok(200, obj(&[("now", instant()), ("today", date_s()), ("simulated", boolean())], &["now", "simulated"])))
        .route("post", "/api/v1/clock", post(clock_post), Op::new("program", "Set or advance a simulated clock (operator); 409 on the system clock").body(obj(&[("set", date_s()), ("advance_days", int())], &[])).ok(200, obj(&[("now", instant()), ("simulated", boolean())], &["now"])).errors(&[403, 409]))
        .route("post", "/api/v1/partners", post(partners_post), Op::new("provisioning", "Create a partner company with its locations (operator)").body(obj(&[("name", s()), ("country", s()), ("locations", array(obj(&[("name", s()), ("country", s()), ("city", s())], &["name", "country"])))], &["name", "country", "locations"])).ok(201, org()).errors(&[403]))
        .route("get", "/api/v1/partners", get(partners_get), Op::new("provisioning", "Partner companies with their locations").ok(200, list_of(org())))
        .route("get", "/api/v1/partners/{id}", get(partner_get), Op::new("provisioning", "One partner with its locations").ok(200, org()).errors(&[404]))
        .route("post", "/api/v1/customers", post(customers_post), Op::new("provisioning", "Create a customer organisation (operator)").body(obj(&[("name", s()), ("country", s())], &["name", "country"])).ok(201, org()).errors(&[403]))
        .route("get", "/api/v1/customers", get(customers_get), Op::new("provisioning", "Customers the caller may see").ok(200, list_of(org())))
        .route("post", "/api/v1/orgs/{org_id}/users", post(users_post), Op::new("provisioning", "Add a user (operator, a partner's global admin, a customer's benefit admin)").body(obj(&[("email", s()), ("name", s()), ("role", role_schema()), ("password", s())], &["email", "name", "role", "password"])).ok(201, user_schema()).errors(&[403, 404]))
        .route("get", "/api/v1/orgs/{org_id}/users", get(users_get), Op::new("provisioning", "Users of an organisation").ok(200, list_of(user_schema())).errors(&[404]))
        .route("get", "/api/v1/offerings", get(offerings), Op::new("program", "The catalog: offerings and their engagements").ok(200, array(obj(&[("code", s()), ("name", s()), ("engagements", array(obj(&[("code", s()), ("name", s()), ("cloud", boolean()), ("lengths", array(int())), ("competency", s()), ("exams", array(s())), ("retired_on", date_s())], &["code", "lengths"])))], &["code", "engagements"]))))
        .route("get", "/api/v1/program", get(program_get), Op::new("program", "Program settings and the dated calendar").ok(200, obj(&[("voucher_validity_days", int()), ("expiry_anchor", enumeration(&["creation", "assignment"])), ("claim_window_days", int()), ("payment_due_days", int()), ("milestones", array(obj(&[("name", s()), ("date", date_s())], &["name", "date"])))], &["voucher_validity_days", "expiry_anchor", "claim_window_days", "milestones"])))
        .route("put", "/api/v1/program", put(program_put), Op::new("program", "Change settings and calendar (operator)").body(obj(&[("voucher_validity_days", int()), ("expiry_anchor", enumeration(&["creation", "assignment"])), ("claim_window_days", int()), ("payment_due_days", int()), ("milestones", array(obj(&[("name", s()), ("date", date_s())], &["name", "date"])))], &["voucher_validity_days", "expiry_anchor", "claim_window_days", "milestones"])).errors(&[403, 422]))
        .route("post", "/api/v1/customers/{id}/agreements", post(agreements_post), Op::new("benefit", "Record a Software Assurance agreement; its days accrue prorated by term (operator)").body(obj(&[("number", s()), ("sa_start", date_s()), ("sa_end", date_s()), ("days", int())], &["number", "sa_start", "sa_end", "days"])).ok(201, obj(&[("id", s()), ("number", s()), ("accrued", int()), ("available", int())], &["id", "number"])).errors(&[403, 404]))
        .route("post", "/api/v1/customers/{id}/benefit/activate", post(benefit_activate), Op::new("benefit", "Activate the Planning Services benefit (benefit admin)").errors(&[403, 404]))
        .route("get", "/api/v1/customers/{id}/benefit", get(benefit_get), Op::new("benefit", "Pools of planning days per agreement").ok(200, obj(&[("active", boolean()), ("pools", array(obj(&[("agreement", s()), ("accrued", int()), ("used", int()), ("available", int()), ("expires_on", date_s())], &["agreement", "accrued", "used", "available", "expires_on"])))], &["active", "pools"])).errors(&[404]))
        .route("post", "/api/v1/vouchers", post(vouchers_post), Op::new("vouchers", "Create a voucher, debiting the pool (benefit admin)").body(obj(&[("customer_id", s()), ("agreement", s()), ("engagement", s()), ("days", int()), ("project_manager_id", s())], &["customer_id", "agreement", "engagement", "days", "project_manager_id"])).ok(201, voucher()).errors(&[403, 404]))
        .route("get", "/api/v1/vouchers", get(vouchers_get), Op::new("vouchers", "The caller's vouchers").query(&[("state", "only vouchers in this state"), ("limit", "1–500, default 100"), ("cursor", "next_cursor of the previous page")]).ok(200, list_of(voucher())))
        .route("post", "/api/v1/vouchers/validate", post(voucher_validate), Op::new("vvr", "Validate a voucher ID with the customer's e-mail (partner admins); 404 when they do not match").body(obj(&[("code", s()), ("customer_email", s())], &["code", "customer_email"])).ok(200, voucher()).errors(&[403, 404]))
        .route("get", "/api/v1/vouchers/{code}", get(voucher_get), Op::new("vouchers", "One voucher with its history").ok(200, voucher()).errors(&[404]))
        .route("post", "/api/v1/vouchers/{code}/assign", post(voucher_assign), Op::new("vouchers", "Assign the voucher to a partner; the customer is e-mailed the voucher ID").body(obj(&[("partner_id", s())], &["partner_id"])).ok(200, voucher()).errors(&[403, 404, 409]))
        .route("post", "/api/v1/vouchers/{code}/cancel", post(voucher_cancel), Op::new("vouchers", "Cancel an unreserved voucher; its days go back to the pool").ok(200, voucher()).errors(&[403, 404, 409]))
        .route("post", "/api/v1/vouchers/{code}/reserve", post(voucher_reserve), Op::new("vvr", "Reserve the voucher: location, consultant, dates, terms").body(obj(&[("location_id", s()), ("consultant_id", s()), ("start_date", date_s()), ("end_date", date_s()), ("accept_terms", boolean()), ("delivery_country", s())], &["location_id", "consultant_id", "start_date", "end_date", "accept_terms"])).ok(200, voucher()).errors(&[403, 404, 409]))
        .route("post", "/api/v1/vouchers/{code}/cancel-reservation", post(voucher_cancel_reservation), Op::new("vvr", "Cancel the reservation; the voucher is assigned again").body(obj(&[("reason", s())], &["reason"])).ok(200, voucher()).errors(&[403, 404, 409]))
        .route("get", "/api/v1/events", get(events), Op::new("journal", "The caller's visible journal, oldest first").query(&[("after", "the sequence number to start after (opaque, increasing, with gaps)"), ("cursor", "next_cursor of the previous page"), ("limit", "1–500, default 100")]).ok(200, list_of(event_schema())))
}
