//! What every operation shares, applied to the generated document once instead
//! of being repeated on each handler: bearer authentication, the
//! `Idempotency-Key` header on POSTs, and the error answers the extractors and
//! middleware give whatever the handler (a malformed id or body is 400, an
//! unknown id 404, a body too large 413, a database busy 503 …). Errors that
//! depend on the use case (403, 409, 422, 429) are listed on the handler.

use serde_json::{Map, Value, json};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder, response::Response};

/// An error answer: RFC 9457 problem details with a stable code. Handlers name
/// it for the statuses their use case may refuse with.
pub struct Refusal;

const PROBLEM: &str = "Problem";
const PROBLEM_JSON: &str = "application/problem+json";
const PROBLEM_DESCRIPTION: &str = "An error, as RFC 9457 problem details with a stable code";

impl<'r> utoipa::ToResponse<'r> for Refusal {
    fn response() -> (&'r str, RefOr<Response>) {
        let content = ContentBuilder::new()
            .schema(Some(Ref::from_schema_name(PROBLEM)))
            .build();
        let response = ResponseBuilder::new()
            .description(PROBLEM_DESCRIPTION)
            .content(PROBLEM_JSON, content)
            .build();
        (PROBLEM, RefOr::T(response))
    }
}

/// Adds the shared parts to every operation of `doc`.
pub fn apply(doc: &mut Value) {
    let components = doc["components"].as_object_mut().expect("components");
    components.insert(
        "securitySchemes".into(),
        json!({"bearer": {"type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/auth/token"}}),
    );
    let (_, problem) = <Refusal as utoipa::ToResponse>::response();
    components.insert("responses".into(), json!({ PROBLEM: problem }));
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            operation(path, method, op);
        }
    }
}

fn operation(path: &str, method: &str, op: &mut Value) {
    let mut errors: Vec<u16> = vec![503];
    // A handler that needs no token says so with `security(())`.
    let public = op.get("security").is_some();
    if public {
        op["security"] = json!([]);
    } else {
        op["security"] = json!([{"bearer": []}]);
        errors.push(401);
    }
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if path.contains('{') {
        // The id or code is checked before the lookup; an unknown one is 404.
        errors.extend([400, 404]);
    }
    if params > 0 {
        errors.push(400);
    }
    if let Some(body) = op.get_mut("requestBody") {
        optional_body_is_left_out(body);
        errors.extend([400, 413]);
        if body["required"] == json!(true) {
            // The body is strict JSON: another media type is 415, a field the
            // use case refuses is 422.
            errors.extend([415, 422]);
        }
    }
    if method == "post" {
        // `Idempotency-Key`: malformed (400), first request still running
        // (409), reused with another body (422).
        errors.extend([400, 409, 413, 422]);
        let header = json!({
            "name": "Idempotency-Key",
            "in": "header",
            "required": false,
            "description": "Same key and body: the first answer is replayed; same key, other body: 422.",
            "schema": {"type": "string", "minLength": 1, "maxLength": 200}
        });
        match op.get_mut("parameters").and_then(Value::as_array_mut) {
            Some(p) => p.push(header),
            None => op["parameters"] = json!([header]),
        }
    }
    let responses = op["responses"].as_object_mut().expect("responses");
    for status in errors {
        responses
            .entry(status.to_string())
            .or_insert_with(|| json!({"$ref": format!("#/components/responses/{PROBLEM}")}));
    }
    sort(responses);
}

/// `request_body(content = Option<T>)` documents a body that may be left out;
/// utoipa also makes its schema nullable, but a JSON `null` is not an empty
/// body and is refused: keep the schema `T`.
fn optional_body_is_left_out(body: &mut Value) {
    if body["required"] == json!(true) {
        return;
    }
    let Some(schema) = body.pointer_mut("/content/application~1json/schema") else {
        return;
    };
    let inner = schema["oneOf"].as_array().and_then(|alternatives| {
        let mut rest = alternatives.iter().filter(|a| a["type"] != json!("null"));
        let first = rest.next().cloned();
        first.filter(|_| rest.next().is_none())
    });
    if let Some(inner) = inner {
        *schema = inner;
    }
}

/// Responses in status order, so the document reads (and diffs) predictably.
fn sort(responses: &mut Map<String, Value>) {
    let mut all: Vec<(String, Value)> = std::mem::take(responses).into_iter().collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    responses.extend(all);
}
