//! The OpenAPI document, built from the same registrations that build the
//! router, so every route is described by construction.

use axum::routing::MethodRouter;
use serde_json::{Map, Value, json};

use crate::AppState;

/// Documentation of one operation.
pub struct Op {
    pub summary: &'static str,
    pub tag: &'static str,
    pub auth: bool,
    pub request: Option<Value>,
    pub response: (u16, Value),
    pub errors: &'static [u16],
    pub query: &'static [(&'static str, &'static str)],
}

impl Op {
    pub fn new(tag: &'static str, summary: &'static str) -> Self {
        Self {
            summary,
            tag,
            auth: true,
            request: None,
            response: (200, json!({"type": "object"})),
            errors: &[],
            query: &[],
        }
    }
    pub fn public(mut self) -> Self {
        self.auth = false;
        self
    }
    pub fn body(mut self, schema: Value) -> Self {
        self.request = Some(schema);
        self
    }
    pub fn ok(mut self, status: u16, schema: Value) -> Self {
        self.response = (status, schema);
        self
    }
    pub fn errors(mut self, errors: &'static [u16]) -> Self {
        self.errors = errors;
        self
    }
    pub fn query(mut self, q: &'static [(&'static str, &'static str)]) -> Self {
        self.query = q;
        self
    }
}

/// Registers routes and their documentation together.
pub struct Api {
    pub router: axum::Router<AppState>,
    pub ops: Vec<(String, String, Op)>,
}

impl Api {
    pub fn new() -> Self {
        Self {
            router: axum::Router::new(),
            ops: Vec::new(),
        }
    }

    pub fn route(
        mut self,
        method: &str,
        path: &str,
        handler: MethodRouter<AppState>,
        op: Op,
    ) -> Self {
        self.router = self.router.route(path, handler);
        self.ops.push((method.to_owned(), path.to_owned(), op));
        self
    }

    /// The OpenAPI 3.1 document.
    pub fn document(&self) -> Value {
        let mut paths = Map::new();
        for (method, path, op) in &self.ops {
            let entry = paths.entry(path.clone()).or_insert_with(|| json!({}));
            let mut responses = Map::new();
            responses.insert(
                op.response.0.to_string(),
                json!({
                    "description": "Success",
                    "content": {"application/json": {"schema": op.response.1}},
                }),
            );
            let mut errors: Vec<u16> = op.errors.to_vec();
            errors.extend([400, 500]);
            if op.auth {
                errors.push(401);
            }
            if method == "post" {
                errors.push(422);
            }
            errors.sort_unstable();
            errors.dedup();
            for e in errors {
                responses.insert(
                    e.to_string(),
                    json!({"$ref": "#/components/responses/Problem"}),
                );
            }
            let mut params: Vec<Value> = path
                .split('/')
                .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
                .collect();
            for (name, desc) in op.query {
                params.push(json!({
                    "name": name,
                    "in": "query",
                    "required": false,
                    "description": desc,
                    "schema": {"type": "string"},
                }));
            }
            if method == "post" {
                params.push(json!({
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": false,
                    "description": "Same key and body: the first answer is replayed; same key, other body: 422.",
                    "schema": {"type": "string", "maxLength": 200},
                }));
            }
            let operation = path
                .trim_start_matches("/api/v1/")
                .replace(['/', '{', '}', '-', '.'], "_");
            let mut o = json!({
                "summary": op.summary,
                "tags": [op.tag],
                "operationId": format!("{method}_{operation}"),
                "parameters": params,
                "responses": responses,
            });
            if let Some(schema) = &op.request {
                o["requestBody"] =
                    json!({"required": true, "content": {"application/json": {"schema": schema}}});
            }
            o["security"] = if op.auth {
                json!([{"bearer": []}])
            } else {
                json!([])
            };
            entry[method.as_str()] = o;
        }
        json!({
            "openapi": "3.1.0",
            "info": {
                "title": "saps API",
                "version": env!("CARGO_PKG_VERSION"),
                "description": "Run a vendor-funded planning-services voucher program: partners, customers, \
                    vouchers, reservations and the journal.",
            },
            "servers": [{"url": "/"}],
            "paths": paths,
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": {"Problem": problem_schema()},
                "responses": {"Problem": {
                    "description": "An error, as RFC 9457 problem details with a stable code",
                    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                }},
            }
        })
    }
}

impl Default for Api {
    fn default() -> Self {
        Self::new()
    }
}

fn problem_schema() -> Value {
    obj(
        &[
            ("type", s()),
            ("title", s()),
            ("status", int()),
            ("detail", s()),
            ("code", s()),
            ("field", s()),
        ],
        &["type", "title", "status", "detail", "code"],
    )
}

pub fn s() -> Value {
    json!({"type": "string"})
}
pub fn date() -> Value {
    json!({"type": "string", "format": "date"})
}
pub fn instant() -> Value {
    json!({"type": "string", "format": "date-time"})
}
pub fn int() -> Value {
    json!({"type": "integer"})
}
pub fn boolean() -> Value {
    json!({"type": "boolean"})
}
pub fn array(items: Value) -> Value {
    json!({"type": "array", "items": items})
}
pub fn enumeration(values: &[&str]) -> Value {
    json!({"type": "string", "enum": values})
}
pub fn obj(props: &[(&str, Value)], required: &[&str]) -> Value {
    let p: Map<String, Value> = props
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    json!({"type": "object", "properties": p, "required": required, "additionalProperties": false})
}
pub fn list_of(items: Value) -> Value {
    obj(
        &[
            ("items", array(items)),
            ("next_cursor", json!({"type": ["string", "null"]})),
        ],
        &["items", "next_cursor"],
    )
}

/// The human-readable reference at `/api/docs`, rendered on the server.
pub fn docs_page(doc: &Value) -> String {
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
    let mut body = String::new();
    let mut tags: Vec<String> = Vec::new();
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for (_, ops) in &paths {
        for (_, op) in ops.as_object().into_iter().flatten() {
            let t = op["tags"][0].as_str().unwrap_or("").to_owned();
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    for tag in &tags {
        body.push_str(&format!("<section><h2 id=\"{0}\">{0}</h2>", esc(tag)));
        for (path, ops) in &paths {
            for (method, op) in ops.as_object().into_iter().flatten() {
                if op["tags"][0].as_str() != Some(tag) {
                    continue;
                }
                body.push_str(&format!(
                    "<details><summary><code class=\"m {m}\">{M}</code> <code>{p}</code> — {s}</summary>",
                    m = esc(method),
                    M = esc(&method.to_uppercase()),
                    p = esc(path),
                    s = esc(op["summary"].as_str().unwrap_or(""))
                ));
                if let Some(req) = op.get("requestBody") {
                    body.push_str(&format!(
                        "<h4>Request body</h4><pre>{}</pre>",
                        esc(&serde_json::to_string_pretty(
                            &req["content"]["application/json"]["schema"]
                        )
                        .unwrap_or_default())
                    ));
                }
                for (status, r) in op["responses"].as_object().into_iter().flatten() {
                    if let Some(schema) = r.get("content").and_then(|c| c.get("application/json")) {
                        body.push_str(&format!(
                            "<h4>{status}</h4><pre>{}</pre>",
                            esc(&serde_json::to_string_pretty(&schema["schema"])
                                .unwrap_or_default())
                        ));
                    } else {
                        body.push_str(&format!("<span class=\"err\">{status}</span> "));
                    }
                }
                body.push_str("</details>");
            }
        }
        body.push_str("</section>");
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>saps API</title>\
         <style>body{{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
         color:#1d2733}}h1{{font-weight:600}}details{{border:1px solid #d5dbe3;border-radius:6px;\
         margin:.4rem 0;padding:.4rem .7rem}}summary{{cursor:pointer}}pre{{background:#f4f6f9;padding:.6rem;\
         overflow:auto;font-size:13px}}.m{{display:inline-block;min-width:3.5rem;font-weight:700}}\
         .get{{color:#146c2e}}.post{{color:#0b4f9c}}.put{{color:#8a5a00}}.err{{display:inline-block;\
         margin-right:.3rem;color:#8c1d18;font-family:monospace}}</style></head>\
         <body><main><h1>saps API</h1><p>JSON under <code>/api/v1</code>; sign in with \
         <code>POST /api/v1/auth/token</code> and send <code>Authorization: Bearer &lt;token&gt;</code>. \
         Errors are <code>application/problem+json</code> with a stable <code>code</code>. \
         The machine-readable document is <a href=\"/api/openapi.json\">/api/openapi.json</a>.</p>\
         {body}</main></body></html>"
    )
}
