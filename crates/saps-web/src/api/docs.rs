//! The human-readable reference at `/api/docs`: the served OpenAPI document
//! rendered on the server through a template (escaped by construction, no
//! script), with its own stylesheet and a strict content security policy.

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// One operation as the page lists it.
struct Operation {
    method: String,
    path: String,
    summary: String,
    anchor: String,
    auth: bool,
    parameters: Vec<Parameter>,
    body: Option<Body>,
    responses: Vec<Answer>,
}

struct Parameter {
    name: String,
    place: String,
    required: bool,
    description: String,
    schema: String,
}

struct Body {
    required: bool,
    schema: String,
}

struct Answer {
    status: String,
    description: String,
    schema: String,
}

struct Section {
    tag: String,
    description: String,
    operations: Vec<Operation>,
}

struct Schema {
    name: String,
    json: String,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsPage {
    title: String,
    version: String,
    description: String,
    sections: Vec<Section>,
    schemas: Vec<Schema>,
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; \
                   base-uri 'none'; form-action 'none'";

/// The page's stylesheet, served at `/api/docs.css`.
pub const STYLESHEET: &str = include_str!("docs.css");

/// The reference page for `doc`.
pub fn page(doc: &Value) -> Response {
    let html = DocsPage::from(doc).render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "rendering the API reference failed");
        String::from("The API reference could not be rendered; see /api/openapi.json.")
    });
    let mut res = axum::response::Html(html).into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    res
}

/// The stylesheet of the page.
pub async fn stylesheet() -> Response {
    let mut res = (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        STYLESHEET,
    )
        .into_response();
    res.headers_mut().insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A schema in one line when it is a reference, else pretty JSON.
fn schema(v: &Value) -> String {
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        return r.rsplit('/').next().unwrap_or(r).to_owned();
    }
    if v.is_null() {
        return String::new();
    }
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn operation(path: &str, method: &str, op: &Value, doc: &Value) -> Operation {
    let parameters = op["parameters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| Parameter {
            name: text(&p["name"]),
            place: text(&p["in"]),
            required: p["required"] == Value::Bool(true),
            description: text(&p["description"]),
            schema: schema(&p["schema"]),
        })
        .collect();
    let body = op.get("requestBody").map(|b| Body {
        required: b["required"] == Value::Bool(true),
        schema: schema(&b["content"]["application/json"]["schema"]),
    });
    let responses = op["responses"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(status, r)| {
            // Shared error answers are references to `components.responses`.
            let r = match r.get("$ref").and_then(Value::as_str) {
                Some(reference) => {
                    let name = reference.rsplit('/').next().unwrap_or_default();
                    &doc["components"]["responses"][name]
                }
                None => r,
            };
            let content = r["content"].as_object().and_then(|c| c.values().next());
            Answer {
                status: status.clone(),
                description: text(&r["description"]),
                schema: content.map(|c| schema(&c["schema"])).unwrap_or_default(),
            }
        })
        .collect();
    Operation {
        method: method.to_owned(),
        path: path.to_owned(),
        summary: text(&op["summary"]),
        anchor: text(&op["operationId"]),
        auth: op["security"].as_array().is_some_and(|s| !s.is_empty()),
        parameters,
        body,
        responses,
    }
}

impl From<&Value> for DocsPage {
    fn from(doc: &Value) -> Self {
        let mut sections: Vec<Section> = doc["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| Section {
                tag: text(&t["name"]),
                description: text(&t["description"]),
                operations: Vec::new(),
            })
            .collect();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                let tag = text(&op["tags"][0]);
                let at = match sections.iter().position(|s| s.tag == tag) {
                    Some(i) => i,
                    None => {
                        sections.push(Section {
                            tag,
                            description: String::new(),
                            operations: Vec::new(),
                        });
                        sections.len() - 1
                    }
                };
                sections[at]
                    .operations
                    .push(operation(path, method, op, doc));
            }
        }
        sections.retain(|s| !s.operations.is_empty());
        let schemas = doc["components"]["schemas"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(name, s)| Schema {
                name: name.clone(),
                json: serde_json::to_string_pretty(s).unwrap_or_default(),
            })
            .collect();
        DocsPage {
            title: text(&doc["info"]["title"]),
            version: text(&doc["info"]["version"]),
            description: text(&doc["info"]["description"]),
            sections,
            schemas,
        }
    }
}
