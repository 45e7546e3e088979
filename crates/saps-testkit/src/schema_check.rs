//! Checks real answers against the OpenAPI document the server serves: the
//! operation is found by method and path template, the status must be one the
//! operation documents, the content type one its response documents, and the
//! body must validate against the response's JSON Schema (formats included).
//! `TestApp` runs every answer it sees through this, so every API test is
//! also a test of the document.

use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, OnceLock};

/// The served document, with compiled validators and what has been checked.
pub struct Contract {
    doc: Value,
    validators: Mutex<HashMap<String, std::sync::Arc<jsonschema::Validator>>>,
    seen: Mutex<BTreeSet<(String, String, u16)>>,
}

/// The document `saps_web` serves at `/api/openapi.json`, shared by all tests.
pub fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| Contract::new(saps_web::api::document()))
}

impl Contract {
    pub fn new(doc: Value) -> Self {
        Self {
            doc,
            validators: Mutex::new(HashMap::new()),
            seen: Mutex::new(BTreeSet::new()),
        }
    }

    /// The operation for a request: `(path template, operation)`, preferring
    /// literal segments over parameters (`/vouchers/validate` over
    /// `/vouchers/{code}`). `None` when the document has no such route.
    pub fn operation(&self, method: &str, path: &str) -> Option<(&str, &Value)> {
        let path = path.split('?').next().unwrap_or(path);
        let segments: Vec<&str> = path.split('/').collect();
        let method = method.to_ascii_lowercase();
        let mut best: Option<(usize, &str, &Value)> = None;
        for (template, item) in self.doc["paths"].as_object()? {
            let Some(op) = item.get(&method) else {
                continue;
            };
            let parts: Vec<&str> = template.split('/').collect();
            if parts.len() != segments.len() {
                continue;
            }
            let mut literal = 0;
            let matches = parts.iter().zip(&segments).all(|(p, s)| {
                if p.starts_with('{') {
                    !s.is_empty()
                } else {
                    literal += 1;
                    p == s
                }
            });
            if matches && best.is_none_or(|(n, _, _)| literal > n) {
                best = Some((literal, template.as_str(), op));
            }
        }
        best.map(|(_, t, op)| (t, op))
    }

    /// Checks one answer. Requests the document has no operation for (the
    /// fallbacks, `/api/docs` …) are not checked.
    pub fn check(
        &self,
        method: &str,
        path: &str,
        status: u16,
        content_type: &str,
        body: &[u8],
    ) -> Result<(), String> {
        let Some((template, op)) = self.operation(method, path) else {
            return Ok(());
        };
        let what = format!("{method} {template} answered {status}");
        self.seen.lock().expect("seen").insert((
            method.to_ascii_uppercase(),
            template.to_owned(),
            status,
        ));
        let Some(mut response) = op["responses"].get(status.to_string()) else {
            return Err(format!(
                "{what}, a status the document does not list for it"
            ));
        };
        if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
            response = self
                .resolve(reference)
                .ok_or_else(|| format!("{what}: dangling {reference}"))?;
        }
        let Some(content) = response.get("content").and_then(Value::as_object) else {
            return if body.is_empty() {
                Ok(())
            } else {
                Err(format!("{what} with a body the document does not describe"))
            };
        };
        let media = content_type.split(';').next().unwrap_or("").trim();
        let Some(schema) = content.get(media).map(|c| &c["schema"]) else {
            let documented: Vec<&String> = content.keys().collect();
            return Err(format!(
                "{what} as {media:?}; the document says {documented:?}"
            ));
        };
        if !(media == "application/json" || media.ends_with("+json")) {
            // A file (CSV, a workbook): the content type is what is checked.
            return Ok(());
        }
        let instance: Value = serde_json::from_slice(body)
            .map_err(|e| format!("{what} with a body that is not JSON: {e}"))?;
        let key = format!("{method} {template} {status} {media}");
        let validator = self
            .validator(&key, schema)
            .map_err(|e| format!("{what}: bad schema: {e}"))?;
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("  at {}: {e}", e.instance_path()))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{what} with a body its schema refuses:\n{}\nbody: {instance}",
                errors.join("\n")
            ))
        }
    }

    /// The operations and statuses checked so far: `(METHOD, template, status)`.
    pub fn seen(&self) -> BTreeSet<(String, String, u16)> {
        self.seen.lock().expect("seen").clone()
    }

    /// Every operation of the document: `(METHOD, template)`.
    pub fn operations(&self) -> BTreeSet<(String, String)> {
        let mut all = BTreeSet::new();
        for (template, item) in self.doc["paths"].as_object().into_iter().flatten() {
            for method in item.as_object().into_iter().flatten().map(|(m, _)| m) {
                all.insert((method.to_ascii_uppercase(), template.clone()));
            }
        }
        all
    }

    fn resolve(&self, reference: &str) -> Option<&Value> {
        self.doc.pointer(reference.strip_prefix('#')?)
    }

    fn validator(
        &self,
        key: &str,
        schema: &Value,
    ) -> Result<std::sync::Arc<jsonschema::Validator>, String> {
        if let Some(v) = self.validators.lock().expect("validators").get(key) {
            return Ok(v.clone());
        }
        // The schema refers to `#/components/schemas/…`: give it the document's
        // components so those references resolve within it.
        let root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "allOf": [schema],
            "components": self.doc["components"],
        });
        let v = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&root)
            .map_err(|e| e.to_string())?;
        let v = std::sync::Arc::new(v);
        self.validators
            .lock()
            .expect("validators")
            .insert(key.to_owned(), v.clone());
        Ok(v)
    }
}
